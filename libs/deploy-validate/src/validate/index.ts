export {
  formatFinding,
  objectRef,
  type Finding,
  type KubeObject,
  type ManifestObject,
} from './types';
export {
  listManifestFiles,
  parseManifests,
  readManifestFiles,
  type ParsedManifests,
} from './parse';
export {
  FIELDS_NEWER_THAN_TARGET,
  NOT_SERVED_REPLACEMENTS,
  SERVED_KINDS,
  TARGET_KUBERNETES_VERSION,
  servedKind,
  type ServedKind,
} from './served-apis';
export { validateSchemas } from './schema';
export { EXEMPT_ANNOTATION, POLICY_RULES, runPolicy, type PolicyRule } from './policy';
export { validateBundle } from './bundle';
export { helmLint, helmTemplate, type ChartValues, type HelmChart } from './helm';
export { RENDER_MATRIX, renderVariants, type Render, type RenderVariant } from './render-matrix';
export { kustomizeBuild, type KustomizeBuild } from './kustomize';
export { isPlaceholder, placeholderSecrets } from './placeholders';
export { serverDryRun, type DryRunResult, type DryRunTarget } from './server-dry-run';
