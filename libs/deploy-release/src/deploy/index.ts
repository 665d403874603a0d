export {
  deployRelease,
  DeployFailedError,
  type DeployIO,
  type DeployResult,
} from './deploy-release';
export { chartFiles, deployDigest, digestOf, DIGEST_PREFIX } from './digest';
export { escapeSetValue, upgradeArgs } from './helm-args';
export type { DeployOptions } from './options';
export { FAIL_FAST_REASONS, podFailure, TRANSIENT_REASONS, type PodFailure } from './pod-failure';
export {
  lineReporter,
  terminalReporter,
  type ProgressReporter,
  type RolloutView,
} from './progress';
export { DEFAULT_STUCK_POLICY, StuckDetector, type StuckPolicy } from './stuck-states';
export {
  helmMajor,
  helmTargetArgs,
  readReleaseState,
  type ReleaseRef,
  type ReleaseState,
} from './release-state';
