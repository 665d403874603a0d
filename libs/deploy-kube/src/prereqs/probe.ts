import { bundledBinary, findOnPath, installHint, run, ToolNotFoundError } from '../process';
import { MIN_VERSIONS, type PrereqTool } from './requirements';
import { parseVersion, satisfies, shortVersion } from './version';

/** What one program looks like on this machine, and what to do when it is not good enough. */
export interface ToolProbe {
  tool: PrereqTool;
  required: string;
  /** The version found, as the tool printed it (`v1.31.2`, `27.3.1`). */
  version?: string;
  path?: string;
  /** helm/kubectl unpacked from Pakaura's own devDependencies because none is on PATH. */
  bundled: boolean;
  problem?: 'missing' | 'too-old' | 'engine-down' | 'unreadable';
  /** One line: what is wrong. */
  detail?: string;
  /** One line: what to do. */
  fix?: string;
}

export interface ProbeOptions {
  /** Fall back to the helm/kubectl bundled with Pakaura when none is on PATH (default true). */
  allowBundled?: boolean;
  /** Also check that the Docker engine answers, not only the client (default true). */
  checkDockerEngine?: boolean;
}

const VERSION_ARGS: Record<PrereqTool, readonly string[]> = {
  docker: ['--version'],
  minikube: ['version', '--output=json'],
  kind: ['version'],
  kubectl: ['version', '--client', '--output=json'],
  helm: ['version', '--template', '{{.Version}}'],
};

/** Finds `tool`, asks it for its version and compares it with the minimum. Never throws. */
export async function probeTool(tool: PrereqTool, options: ProbeOptions = {}): Promise<ToolProbe> {
  const required = MIN_VERSIONS[tool];
  const base: ToolProbe = { tool, required, bundled: false };
  const located = locate(tool, options.allowBundled ?? true);
  if (!located) {
    return { ...base, problem: 'missing', detail: 'not found on PATH', fix: installHint(tool) };
  }
  let stdout: string;
  try {
    ({ stdout } = await run(located.path, VERSION_ARGS[tool], { timeoutMs: 20_000 }));
  } catch (error) {
    if (error instanceof ToolNotFoundError) {
      return { ...base, problem: 'missing', detail: 'not found on PATH', fix: installHint(tool) };
    }
    return {
      ...base,
      ...located,
      problem: 'unreadable',
      detail: firstLine(error),
      fix: installHint(tool),
    };
  }
  const version = readVersion(tool, stdout);
  if (!version) {
    const detail = `cannot read a version from "${firstLine(stdout)}"`;
    return { ...base, ...located, problem: 'unreadable', detail, fix: installHint(tool) };
  }
  const found = { ...base, ...located, version };
  if (!satisfies(version, required)) {
    const detail = `${version} is older than ${shortVersion(required)}`;
    return { ...found, problem: 'too-old', detail, fix: `Upgrade ${tool}. ${installHint(tool)}` };
  }
  if (tool === 'docker' && (options.checkDockerEngine ?? true)) {
    const engine = await run(located.path, ['version', '--format', '{{.Server.Version}}'], {
      reject: false,
      timeoutMs: 20_000,
    });
    if (engine.exitCode !== 0) {
      return {
        ...found,
        problem: 'engine-down',
        detail: `the Docker engine does not answer: ${firstLine(engine.stderr || engine.stdout)}`,
        fix: 'Start the Docker engine (sudo systemctl start docker, or open Docker Desktop).',
      };
    }
  }
  return found;
}

function locate(
  tool: PrereqTool,
  allowBundled: boolean,
): { path: string; bundled: boolean } | undefined {
  const own = findOnPath(tool);
  if (own) return { path: own, bundled: false };
  if (!allowBundled || (tool !== 'helm' && tool !== 'kubectl')) return undefined;
  try {
    return { path: bundledBinary(tool), bundled: true };
  } catch {
    return undefined;
  }
}

function readVersion(tool: PrereqTool, stdout: string): string | undefined {
  try {
    if (tool === 'minikube')
      return (JSON.parse(stdout) as { minikubeVersion?: string }).minikubeVersion;
    if (tool === 'kubectl') {
      return (JSON.parse(stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion
        ?.gitVersion;
    }
  } catch {
    return undefined;
  }
  const match = /v?\d+\.\d+(?:\.\d+)?/.exec(stdout);
  return match && parseVersion(match[0]) ? match[0] : undefined;
}

function firstLine(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value);
  return text.trim().split('\n')[0] ?? '';
}
