import { resolveClusterTarget } from '@pakaura/deploy-kube/cluster';
import { DEFAULT_PREREQ_TOOLS, type PrereqTool } from '@pakaura/deploy-kube/prereqs';
import type { PrereqsExecutorSchema } from '../schema';

export interface NormalizedPrereqsOptions {
  tools: PrereqTool[];
  allowBundled: boolean;
  checkDockerEngine: boolean;
}

/** The tools to check: the explicit list, else the provider's set (kind replaces minikube). */
export function normalizeOptions(
  options: PrereqsExecutorSchema,
  env: NodeJS.ProcessEnv = process.env,
): NormalizedPrereqsOptions {
  const { provider } = resolveClusterTarget({ provider: options.provider }, env);
  const tools =
    options.tools && options.tools.length > 0
      ? [...new Set(options.tools)]
      : DEFAULT_PREREQ_TOOLS.map((tool) => (tool === 'minikube' ? provider : tool));
  return {
    tools,
    allowBundled: options.allowBundled ?? true,
    checkDockerEngine: options.checkDockerEngine ?? true,
  };
}
