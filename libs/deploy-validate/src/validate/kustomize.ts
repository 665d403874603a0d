import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@pakaura/deploy-kube/process';

export interface KustomizeBuild {
  yaml: string;
  /**
   * True when the directory had no secrets.env and the build used generated values: the output
   * proves the kustomization works but is not what `kubectl apply -k` would install.
   */
  generatedSecrets: boolean;
}

/**
 * `kubectl kustomize` of a manifests directory whose Secret comes from a git-ignored `secrets.env`.
 * The build runs on a copy; when secrets.env is missing, the copy gets random values for the keys
 * of `secrets.env.example`, so validation works on a fresh clone without anyone's secrets.
 */
export async function kustomizeBuild(kubectl: string, dir: string): Promise<KustomizeBuild> {
  const copy = mkdtempSync(join(tmpdir(), 'pakaura-kustomize-'));
  try {
    cpSync(dir, copy, { recursive: true });
    const envFile = join(copy, 'secrets.env');
    const generatedSecrets = !existsSync(envFile);
    if (generatedSecrets) writeFileSync(envFile, generatedEnv(join(copy, 'secrets.env.example')));
    const { stdout } = await run(kubectl, ['kustomize', copy], {
      hint: `Check ${join(dir, 'kustomization.yaml')}.`,
    });
    return { yaml: stdout, generatedSecrets };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function generatedEnv(example: string): string {
  if (!existsSync(example)) return '';
  return readFileSync(example, 'utf8')
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=/.exec(line.trim())?.[1])
    .filter((key): key is string => Boolean(key))
    .map((key) => `${key}=${randomBytes(18).toString('base64url')}\n`)
    .join('');
}
