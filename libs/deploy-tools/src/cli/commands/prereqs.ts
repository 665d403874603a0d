import { resolveClusterTarget } from '../../cluster';
import { checkPrerequisites, DEFAULT_PREREQ_TOOLS, formatPrereqTable } from '../../prereqs';
import type { Command } from '../command';

export const prereqs: Command = {
  name: 'prereqs',
  summary: 'Check docker, minikube (or kind), kubectl and helm versions',
  usage: 'pakaura prereqs [--provider kind]',
  description:
    'Prints the table of seed T001: each tool with the version found, the version required and how to install or upgrade it; exits 1 when one is missing, too old, or (Docker) not running. The same check as nx run local-cluster:prereqs, without starting Nx.',
  options: {
    provider: {
      type: 'string',
      valueName: 'minikube|kind',
      description: 'The local cluster you use (default: minikube, or $PAKAURA_CLUSTER_PROVIDER).',
    },
  },
  async run(options, _positionals, context) {
    const { provider } = resolveClusterTarget(
      { provider: typeof options['provider'] === 'string' ? options['provider'] : undefined },
      context.env,
    );
    const tools = DEFAULT_PREREQ_TOOLS.map((tool) => (tool === 'minikube' ? provider : tool));
    const report = await checkPrerequisites(tools);
    formatPrereqTable(report.probes, context.color)
      .split('\n')
      .forEach((line) => context.out(line));
    (report.ok ? context.out : context.err)(report.summary);
    return report.ok ? 0 : 1;
  },
};
