export { checkPrerequisites, type PrereqReport } from './check';
export { probeTool, type ProbeOptions, type ToolProbe } from './probe';
export { DEFAULT_PREREQ_TOOLS, MIN_VERSIONS, type PrereqTool } from './requirements';
export { formatPrereqTable } from './table';
export { parseVersion, satisfies, shortVersion } from './version';
