import path from 'node:path';

/**
 * Where the suite finds the app. With `E2E_BASE_URL` it tests a deployment that is already
 * running (containers, a cluster) and starts nothing; without it, Playwright starts the production
 * builds itself on 127.0.0.1 (see playwright.config.ts).
 */
const external = process.env.E2E_BASE_URL?.replace(/\/+$/, '') || undefined;

export const PORTS = {
  api: Number(process.env.E2E_API_PORT ?? 18000),
  frontend: Number(process.env.E2E_FRONTEND_PORT ?? 13000),
  /** A second frontend whose API_URL points at a closed port: the "API is down" case. */
  frontendWithApiDown: Number(process.env.E2E_API_DOWN_PORT ?? 13001),
  /** Nothing listens here (fetch refuses its blocked ports, such as 9, before connecting). */
  closed: Number(process.env.E2E_CLOSED_PORT ?? 18099),
  /** An API stand-in that answers with the request it got (support/echo-api.mjs)... */
  echoApi: Number(process.env.E2E_ECHO_API_PORT ?? 18098),
  /** ...and a frontend whose API_URL points at it: what `/api` forwarding really sends. */
  frontendWithEchoApi: Number(process.env.E2E_ECHO_FRONTEND_PORT ?? 13002),
};

export const startsServers = external === undefined;

export const baseUrl = external ?? `http://127.0.0.1:${PORTS.frontend}`;

/**
 * The API itself, for tests that act as another client of it (a client the API tells apart by
 * `X-Forwarded-For`, which it believes from loopback, as from a proxy).
 */
export const apiUrl = startsServers
  ? `http://127.0.0.1:${PORTS.api}`
  : process.env.E2E_API_URL?.replace(/\/+$/, '') || undefined;

/** Set when there is a frontend whose API cannot be reached; those tests are skipped otherwise. */
export const apiDownBaseUrl = startsServers
  ? `http://127.0.0.1:${PORTS.frontendWithApiDown}`
  : process.env.E2E_API_DOWN_BASE_URL?.replace(/\/+$/, '') || undefined;

/** Set when there is a frontend whose API echoes requests; those tests are skipped otherwise. */
export const echoBaseUrl = startsServers
  ? `http://127.0.0.1:${PORTS.frontendWithEchoApi}`
  : process.env.E2E_ECHO_BASE_URL?.replace(/\/+$/, '') || undefined;

export const workspaceRoot = path.resolve(__dirname, '../../../..');

/** The suite's artifacts: screenshots of the main screens, the report, traces of failures. */
export const e2eOutputDir = path.join(workspaceRoot, 'dist/e2e');

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
