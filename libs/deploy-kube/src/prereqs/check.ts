import { probeTool, type ProbeOptions, type ToolProbe } from './probe';
import { DEFAULT_PREREQ_TOOLS, type PrereqTool } from './requirements';

export interface PrereqReport {
  probes: ToolProbe[];
  ok: boolean;
  /** One line for the end of a run: all good, or which tools fail and why. */
  summary: string;
}

/** Probes every tool in parallel; `ok` only when each one is present, recent enough and answering. */
export async function checkPrerequisites(
  tools: readonly PrereqTool[] = DEFAULT_PREREQ_TOOLS,
  options: ProbeOptions = {},
): Promise<PrereqReport> {
  const probes = await Promise.all(tools.map((tool) => probeTool(tool, options)));
  const failing = probes.filter((p) => p.problem);
  const summary =
    failing.length === 0
      ? `All ${probes.length} prerequisites are met.`
      : `${failing.length} of ${probes.length} prerequisites are not met: ${failing
          .map((p) => `${p.tool} (${p.detail})`)
          .join(
            ', ',
          )}. Install or upgrade them as the table says, then rerun: nx run local-cluster:prereqs`;
  return { probes, ok: failing.length === 0, summary };
}
