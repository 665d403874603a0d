import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { API_ROUTES, APP_VERSION, SESSION_COOKIE } from '@pakaura/contract';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';

/** The OpenAPI document, built from the routes' own schemas, and a docs page to try them. */
export default fp(
  async function openapi(fastify) {
    await fastify.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Pakaura API',
          description: 'Tasks, accounts and the task assistant behind the Pakaura app.',
          version: APP_VERSION,
        },
        servers: [{ url: fastify.config.apiUrl }],
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          },
        },
      },
    });
    // The interactive page (and its copy of the document at /docs/json) is for development;
    // production serves it only with API_DOCS_ENABLED=true. The document itself stays public.
    if (fastify.config.docsEnabled) {
      await fastify.register(fastifySwaggerUi, {
        routePrefix: API_ROUTES.docs,
        uiConfig: { docExpansion: 'list', deepLinking: true },
        // The page's own CSP (scripts and styles from itself), instead of the API's 'none'.
        staticCSP: true,
      });
    }
    fastify.get(
      API_ROUTES.openapi,
      {
        schema: { hide: true, response: { 200: Type.Object({}, { additionalProperties: true }) } },
      },
      async () => fastify.swagger(),
    );
  },
  { name: 'openapi', dependencies: ['config'] },
);
