import type { CliContext, ParsedOptions } from '../command';
import { resolveClusterTarget } from '@pakaura/deploy-kube/cluster';
import {
  checkPrerequisites,
  DEFAULT_PREREQ_TOOLS,
  formatPrereqTable,
} from '@pakaura/deploy-kube/prereqs';

/** What `pakaura prereqs` does; loaded on first use so `pakaura help` stays light. */
export async function runPrereqs(
  options: ParsedOptions,
  _positionals: string[],
  context: CliContext,
): Promise<number> {
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
}
