import { APP_VERSION, CHART_NAME } from '@pakaura/contract';
import { run } from '@pakaura/deploy-kube/process';
import { parseJson } from '../http';
import { CheckFailedError, type Check, type CheckContext } from '../types';

/** `helm status -o json` strips the chart (Helm 3.17 cmd/helm/status.go, 4.1 pkg/cmd/status.go): the chart comes from `helm list`. */
interface HelmStatus {
  name: string;
  version: number;
  info?: { status?: string; description?: string };
}
interface HelmListEntry {
  name: string;
  revision: string;
  status: string;
  chart: string;
  app_version: string;
}

/** T051: `helm status` says deployed, `helm list` shows chart pakaura-4.0.0. */
export const releaseCheck: Check = {
  name: 'release',
  task: 'T051',
  title: `Helm release deployed, chart ${CHART_NAME}-${APP_VERSION}`,
  disruptive: false,
  async run(ctx) {
    const [status, list] = await Promise.all([
      helmJson<HelmStatus>(ctx, ['status', ctx.release]),
      helmJson<HelmListEntry[]>(ctx, ['list', '--filter', `^${ctx.release}$`]),
    ]);
    const entry = list.find((r) => r.name === ctx.release);
    const chart = entry?.chart;
    ctx.evidence(
      `helm status ${ctx.release}: revision ${status.version}, ${status.info?.status}, chart ${chart ?? 'unknown'}, app ${entry?.app_version ?? 'unknown'}`,
    );
    ctx.evidence(
      entry
        ? `helm list: ${entry.name} revision ${entry.revision} ${entry.status} ${entry.chart} (app ${entry.app_version})`
        : `helm list: no release ${ctx.release}`,
    );
    const wanted = `${CHART_NAME}-${APP_VERSION}`;
    if (status.info?.status !== 'deployed') {
      throw new CheckFailedError(
        `Release ${ctx.release} is ${status.info?.status}${status.info?.description ? ` (${status.info.description})` : ''}, expected deployed. Run: npx nx run chart:deploy`,
      );
    }
    if (chart !== wanted)
      throw new CheckFailedError(`Release ${ctx.release} runs chart ${chart}, expected ${wanted}`);
    if (!entry || entry.chart !== wanted || entry.status !== 'deployed') {
      throw new CheckFailedError(`helm list does not show ${ctx.release} deployed with ${wanted}`);
    }
  },
};

async function helmJson<T>(ctx: CheckContext, args: string[]): Promise<T> {
  const argv = [...args, '--namespace', ctx.namespace, '--output', 'json', ...ctx.helmArgs];
  let stdout: string;
  try {
    ({ stdout } = await run(ctx.helmBinary(), argv, {
      signal: ctx.signal,
      timeoutMs: ctx.timeouts.requestMs,
      hint: `Is the release installed? Run: npx nx run chart:deploy`,
    }));
  } catch (error) {
    throw new CheckFailedError((error as Error).message.split('\n').join(' '), { cause: error });
  }
  const parsed = parseJson<T>(stdout);
  if (parsed === undefined)
    throw new CheckFailedError(`helm ${args[0]} printed no JSON: ${stdout.slice(0, 120)}`);
  return parsed;
}
