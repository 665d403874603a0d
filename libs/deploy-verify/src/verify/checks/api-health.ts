import { API_PORT, API_ROUTES, APP_VERSION, type HealthResponse } from '@pakaura/contract';
import { execInPod } from '@pakaura/deploy-kube/kube';
import { name, readyPods } from '../cluster';
import { parseJson } from '../http';
import { CheckFailedError, type Check } from '../types';

/**
 * Runs inside the API container with the image's own node (the seed's `kubectl exec deploy/api --
 * curl localhost:8000/api/v1/health`, without needing curl in the image): prints the status code
 * on the first line and the body after it.
 */
const PROBE = [
  'fetch(process.argv[1], { signal: AbortSignal.timeout(5000) })',
  '.then(async (r) => process.stdout.write(r.status + "\\n" + (await r.text())))',
  '.catch((e) => { process.stderr.write(String(e.cause ?? e)); process.exit(2); })',
].join('');

/** T046: every API replica answers its readiness route with 200 and `"status": "healthy"`. */
export const apiHealthCheck: Check = {
  name: 'api-health',
  task: 'T046',
  title: `${API_ROUTES.health} answers 200 healthy`,
  disruptive: false,
  async run(ctx) {
    const url = `http://127.0.0.1:${API_PORT}${API_ROUTES.health}`;
    const pods = await readyPods(ctx, 'api');
    const answers = await Promise.all(
      pods.map(async (pod) => {
        const containers = pod.spec?.containers ?? [];
        const container = (containers.find((c) => c.name === 'api') ?? containers[0])?.name;
        const out = await execInPod(ctx.kc, {
          namespace: ctx.namespace,
          pod: name(pod),
          container,
          command: ['node', '-e', PROBE, url],
          timeoutMs: ctx.timeouts.requestMs,
        });
        return { pod: name(pod), out };
      }),
    );
    const failures: string[] = [];
    for (const { pod, out } of answers) {
      if (out.exitCode !== 0) {
        const last = (out.stderr || out.stdout).trim().split('\n').pop();
        failures.push(`${pod}: ${last} (exit ${out.exitCode})`);
        continue;
      }
      const [statusLine, ...rest] = out.stdout.split('\n');
      const text = rest.join('\n');
      const body = parseJson<HealthResponse>(text);
      ctx.evidence(`${pod}: GET ${url} -> ${statusLine} ${text.slice(0, 160)}`);
      if (statusLine !== '200') failures.push(`${pod} answered ${statusLine}`);
      else if (body?.status !== 'healthy') {
        failures.push(`${pod} reports status ${body?.status ?? 'missing'}`);
      } else if (body.version !== APP_VERSION) {
        failures.push(`${pod} runs version ${body.version}, expected ${APP_VERSION}`);
      }
    }
    if (failures.length > 0) {
      throw new CheckFailedError(
        `${API_ROUTES.health}: ${failures.join('; ')}. See: npx pakaura logs api`,
      );
    }
  },
};
