/**
 * The local Nx plugin `@pakaura/executors` (executors.json lists the executors). Nx resolves the
 * plugin through this entry's tsconfig alias; the exports are the executors' option types and
 * normalizers, for tools that build options (the `pakaura` CLI, tests).
 */
export type { AddonExecutorSchema } from './executors/addon/schema';
export { normalizeOptions as normalizeAddonOptions } from './executors/addon/lib/normalize-options';
export type { ClusterExecutorSchema } from './executors/cluster/schema';
export { normalizeOptions as normalizeClusterOptions } from './executors/cluster/lib/normalize-options';
export type { PrereqsExecutorSchema } from './executors/prereqs/schema';
export { normalizeOptions as normalizePrereqsOptions } from './executors/prereqs/lib/normalize-options';
export type { VerifyExecutorSchema } from './executors/verify/schema';
export { verifyRunOptions as normalizeVerifyExecutorOptions } from '@pakaura/deploy-verify';
export type { ValidateExecutorSchema } from './executors/validate/schema';
export { normalizeOptions as normalizeValidateOptions } from './executors/validate/lib/normalize-options';
export type { HelmLintExecutorSchema } from './executors/helm-lint/schema';
export { normalizeOptions as normalizeHelmLintOptions } from './executors/helm-lint/lib/normalize-options';
export type { DeployExecutorSchema } from './executors/deploy/schema';
export { normalizeOptions as normalizeDeployOptions } from './executors/deploy/lib/normalize-options';
