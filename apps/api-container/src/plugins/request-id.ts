import fp from 'fastify-plugin';

/**
 * Echoes the request id, so a caller can quote it and an operator can find the log lines.
 * (Hooks on every request take a callback rather than returning a promise: one microtask less.)
 */
export default fp(
  async function requestIdHeader(fastify) {
    fastify.addHook('onRequest', (request, reply, done) => {
      reply.header('x-request-id', request.id);
      done();
    });
  },
  { name: 'request-id' },
);
