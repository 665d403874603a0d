import fp from 'fastify-plugin';

/**
 * Fastify's JSON parser (with prototype-poisoning protection), except that an empty body with a
 * JSON content type is "no body": clients that set the header on every call (a logout, a DELETE)
 * are not refused for it. Routes that need a body still say so through their schema.
 */
export default fp(
  async function jsonBody(fastify) {
    const parse = fastify.getDefaultJsonParser('error', 'error');
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser(
      'application/json',
      { parseAs: 'string' },
      (request, body, done) => {
        if (body === '') return done(null, undefined);
        parse(request, body as string, done);
      },
    );
  },
  { name: 'json-body' },
);
