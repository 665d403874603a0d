import {
  objectRef,
  parseManifests,
  placeholderSecrets,
  validateBundle,
  type Finding,
  type KustomizeBuild,
  type ManifestObject,
} from '@pakaura/deploy-validate';

/**
 * Validates what `kubectl apply -k` would install: the build itself (schema and policy), that it
 * installs every object of the manifest files, and that no Secret in it holds a placeholder.
 */
export async function checkKustomization(
  build: KustomizeBuild,
  files: readonly ManifestObject[],
  label: string,
): Promise<{ objects: ManifestObject[]; findings: Finding[] }> {
  const source = `${label}/kustomization.yaml`;
  const parsed = parseManifests(build.yaml, source, 'kustomize build');
  const findings = await validateBundle(parsed);
  const built = new Set(parsed.objects.map(objectRef));
  for (const manifest of files) {
    if (!built.has(objectRef(manifest))) {
      findings.push({
        source: manifest.source,
        object: objectRef(manifest),
        path: '',
        message: `is not installed by ${source}: add the file to its resources`,
      });
    }
  }
  if (!build.generatedSecrets) {
    findings.push(
      ...placeholderSecrets(parsed.objects).map((f) => ({
        ...f,
        source: `${label}/secrets.env`,
        message: `${f.message} (kubectl apply -k would install it)`,
      })),
    );
  }
  return { objects: parsed.objects, findings };
}
