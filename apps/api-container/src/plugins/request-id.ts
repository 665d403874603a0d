import fp from 'fastify-plugin';

/** Echoes the request id, so a caller can quote it and an operator can find the log lines. */
export default fp(
  async function requestIdHeader(fastify) {
    fastify.addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
  },
  { name: 'request-id' },
);
