export { nxBin } from './nx-bin';
export { run, type RunOptions, type RunResult } from './run';
export { ToolFailedError, ToolNotFoundError } from './errors';
export { INSTALL_HINTS, installHint } from './install-hints';
export { maskCredentials, redact, redactArgs } from './redact';
export {
  bundledBinary,
  findOnPath,
  resolveBinary,
  type BundledTool,
  type HelmMajor,
} from './bundled-binaries';
