import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { API_ROUTES, APP_VERSION, SESSION_COOKIE } from '@pakaura/contract';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { completeOpenApiDocument } from './openapi-document';

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
        // The public API, as the ingress exposes it (OWASP API9: say which servers are internal).
        servers: [{ url: fastify.config.apiUrl, 'x-internal': false } as { url: string }],
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description:
                'The session token from register or login. A JWT handled per RFC8725 (JSON Web Token Best Current Practices): signed with one HMAC algorithm fixed by the server (HS256 by default; `none` and any other algorithm are refused), expiring (24 h by default), carrying only the user and session ids, and honoured only while its session exists on the server (logout and a password change end it).',
            },
            cookie: {
              type: 'apiKey',
              in: 'cookie',
              name: SESSION_COOKIE,
              description:
                'The same token in an httpOnly, SameSite=Lax cookie, for browsers. State changes carried by the cookie must come from the app (Origin or Sec-Fetch-Site), or they answer 403.',
            },
          },
        },
      },
      // Shared schemas are named by their $id (ErrorResponse) rather than def-0.
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, index) =>
          typeof json.$id === 'string' ? json.$id : `def-${index}`,
      },
      transformObject: (document) =>
        completeOpenApiDocument(
          'openapiObject' in document ? document.openapiObject : document.swaggerObject,
        ),
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
