import { API_ROUTES, FRONTEND_HEALTH_PATH } from '@pakaura/contract/browser';
import { defineConfig, devices } from '@playwright/test';
import path from 'node:path';
import {
  apiDownBaseUrl,
  baseUrl,
  chromiumPath,
  echoBaseUrl,
  e2eOutputDir,
  PORTS,
  startsServers,
  workspaceRoot,
} from './src/support/stack';

const apiBuild = path.join(workspaceRoot, 'dist/apps/api-container');
const frontendServer = path.join(workspaceRoot, 'dist/apps/frontend/apps/frontend/server.js');

/**
 * The API on the CI's PostgreSQL when PAKAURA_TEST_DATABASE_URL is set (after its migrate step),
 * on embedded PGlite under dist/e2e otherwise. Accounts are unique per test, so a database kept
 * from an earlier run does no harm.
 */
const databaseEnv: Record<string, string> = process.env.PAKAURA_TEST_DATABASE_URL
  ? { DATABASE_URL: process.env.PAKAURA_TEST_DATABASE_URL }
  : { PGLITE_DATA_DIR: path.join(e2eOutputDir, 'pglite') };

const frontendEnv = (port: number, api: string) => ({
  PORT: String(port),
  HOSTNAME: '127.0.0.1',
  API_URL: api,
  NEXT_TELEMETRY_DISABLED: '1',
});

export default defineConfig({
  testDir: './src',
  outputDir: path.join(e2eOutputDir, 'test-results'),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ['list'],
    ['html', { outputFolder: path.join(e2eOutputDir, 'report'), open: 'never' }],
    ['junit', { outputFile: path.join(e2eOutputDir, 'junit.xml') }],
  ],
  use: {
    baseURL: baseUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: downloading Playwright's own browsers is impossible on these machines.
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: startsServers
    ? [
        {
          name: 'api',
          command: `node ${path.join(apiBuild, 'migrate.js')} && node ${path.join(apiBuild, 'main.js')}`,
          cwd: workspaceRoot,
          url: `http://127.0.0.1:${PORTS.api}${API_ROUTES.health}`,
          env: {
            ...databaseEnv,
            PORT: String(PORTS.api),
            HOST: '127.0.0.1',
            FRONTEND_URL: baseUrl,
            // Every browser of the suite reaches the API from one address (the frontend's
            // forwarder on 127.0.0.1), as many people behind one NAT would: each test registers
            // and signs in its own account. The per-account sign-in backoff stays as it is.
            REGISTER_RATE_LIMIT_PER_HOUR: '10000',
            LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
          },
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        },
        {
          name: 'frontend',
          command: `node ${frontendServer}`,
          cwd: workspaceRoot,
          url: `${baseUrl}${FRONTEND_HEALTH_PATH}`,
          env: frontendEnv(PORTS.frontend, `http://127.0.0.1:${PORTS.api}`),
          reuseExistingServer: false,
          timeout: 30_000,
          gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        },
        {
          name: 'frontend (API down)',
          command: `node ${frontendServer}`,
          cwd: workspaceRoot,
          url: `${apiDownBaseUrl}${FRONTEND_HEALTH_PATH}`,
          env: frontendEnv(PORTS.frontendWithApiDown, `http://127.0.0.1:${PORTS.closed}`),
          reuseExistingServer: false,
          timeout: 30_000,
          gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        },
        {
          name: 'echo API',
          command: `node ${path.join(workspaceRoot, 'apps/frontend-e2e/src/support/echo-api.mjs')}`,
          cwd: workspaceRoot,
          port: PORTS.echoApi,
          env: { PORT: String(PORTS.echoApi) },
          reuseExistingServer: false,
          timeout: 10_000,
          gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        },
        {
          name: 'frontend (echo API)',
          command: `node ${frontendServer}`,
          cwd: workspaceRoot,
          url: `${echoBaseUrl}${FRONTEND_HEALTH_PATH}`,
          env: frontendEnv(PORTS.frontendWithEchoApi, `http://127.0.0.1:${PORTS.echoApi}`),
          reuseExistingServer: false,
          timeout: 30_000,
          gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        },
      ]
    : undefined,
});
