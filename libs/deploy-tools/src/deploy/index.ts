export {
  deployRelease,
  DeployFailedError,
  type DeployIO,
  type DeployResult,
} from './deploy-release';
export { chartFiles, deployDigest, digestOf, DIGEST_PREFIX } from './digest';
export { maskCredentials } from './mask-credentials';
export { escapeSetValue, upgradeArgs } from './helm-args';
export type { DeployOptions } from './options';
export { FAIL_FAST_REASONS, podFailure, type PodFailure } from './pod-failure';
export {
  helmMajor,
  helmTargetArgs,
  readReleaseState,
  type ReleaseRef,
  type ReleaseState,
} from './release-state';
