import { API_ROUTES } from '@pakaura/contract';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics on `/metrics` (outside `/api`, so the ingress never exposes them): Node's
 * process metrics and one histogram of request durations by method, route and status.
 */
export default fp(
  async function metrics(fastify) {
    // A registry per app: tests build many apps in one process without name clashes.
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'pakaura-api' });
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    const chatActions = new Counter({
      name: 'pakaura_chat_tool_calls_total',
      help: 'Tool calls the chat assistant made, by tool and outcome',
      labelNames: ['tool', 'ok'] as const,
      registers: [registry],
    });
    fastify.decorate('chatActionsCounter', chatActions);

    // One child per (method, route, status): prom-client would otherwise hash the labels on
    // every observation.
    const series = new Map<string, Histogram.Internal<'method' | 'route' | 'status_code'>>();
    fastify.addHook('onResponse', (request, reply, done) => {
      // Unmatched URLs share one label, so scanners cannot blow up the series count.
      const route = request.routeOptions.url ?? 'unmatched';
      const key = `${request.method} ${route} ${reply.statusCode}`;
      let child = series.get(key);
      if (!child) {
        child = duration.labels(request.method, route, String(reply.statusCode));
        series.set(key, child);
      }
      child.observe(reply.elapsedTime / 1000);
      done();
    });

    fastify.get(
      API_ROUTES.metrics,
      {
        schema: { hide: true, response: { 200: Type.String() } },
        logLevel: 'warn',
      },
      async (_request, reply) => {
        reply.type(registry.contentType);
        return registry.metrics();
      },
    );
  },
  { name: 'metrics' },
);

declare module 'fastify' {
  interface FastifyInstance {
    chatActionsCounter: Counter<'tool' | 'ok'>;
  }
}
