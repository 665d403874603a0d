import fp from 'fastify-plugin';

/**
 * Once the app starts closing, every response still being written asks the client to close
 * its connection. Without this a keep-alive client (browsers, the ingress, fetch) holds its now
 * idle connection open and `close()` waits for it until the grace period runs out.
 */
export default fp(
  async function gracefulClose(fastify) {
    let closing = false;
    fastify.addHook('preClose', async () => {
      closing = true;
    });
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      if (closing) reply.header('connection', 'close');
      done(null, payload);
    });
  },
  { name: 'graceful-close' },
);
