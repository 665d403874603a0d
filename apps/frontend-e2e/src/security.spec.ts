import { API_ROUTES, FRONTEND_HEALTH_PATH } from '@pakaura/contract/browser';
import type { APIResponse, Page } from '@playwright/test';
import { BoardPage, ChatPage } from './support/board';
import { test, expect } from './support/fixtures';
import { echoBaseUrl } from './support/stack';

function expectSecurityHeaders(response: APIResponse | null, what: string) {
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy'], what).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
  );
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('same-origin');
  expect(headers['x-frame-options'], what).toBe('DENY');
}

/** Every script of the page carries the nonce of the policy it was served with. */
async function expectScriptsCarryTheNonce(page: Page, policy: string) {
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  const nonces = await page.evaluate(() =>
    [...document.querySelectorAll('script')].map((script) => script.nonce),
  );
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
}

test.describe('security headers and the content security policy', () => {
  test('every response carries the policy, nosniff, a referrer policy and no framing', async ({
    request,
  }) => {
    const home = await request.get('/');
    expectSecurityHeaders(home, '/');
    const script = /\/_next\/static\/[^"]+\.js/.exec(await home.text())?.[0];
    expect(script).toBeTruthy();

    for (const path of ['/signup', '/no-such-page', FRONTEND_HEALTH_PATH, API_ROUTES.health]) {
      expectSecurityHeaders(await request.get(path), path);
    }
    expectSecurityHeaders(await request.get(script ?? ''), 'a static script');
  });

  test('gives every page a fresh nonce', async ({ request }) => {
    const policies = await Promise.all(
      [1, 2, 3].map(async () => (await request.get('/')).headers()['content-security-policy']),
    );
    expect(new Set(policies).size).toBe(3);
  });

  test('the main screens work under the policy without a single violation', async ({
    page,
    signedIn: _,
  }) => {
    // The browserErrors fixture fails the test on any violation the page reports; this walks
    // the screens that run the most code: the board, the editor, the assistant, sign-up.
    test.slow();
    const board = new BoardPage(page);
    const response = await page.reload();
    await expectScriptsCarryTheNonce(page, response?.headers()['content-security-policy'] ?? '');

    await board.add('Check the policy');
    await board.task('Check the policy').getByRole('button', { name: /^Edit/ }).click();
    await page.keyboard.press('Escape');
    const reply = await new ChatPage(page).ask('add a task to review the headers');
    await expect(reply).toBeVisible();
    await expect(board.task(/review the headers/i)).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
    const signup = await page.goto('/signup');
    await expectScriptsCarryTheNonce(page, signup?.headers()['content-security-policy'] ?? '');
    await expect(page.getByRole('form', { name: 'Create account' })).toBeVisible();
  });

  test('the policy is enforced: an injected inline handler does not run', async ({
    page,
    browserErrors,
  }) => {
    await page.goto('/');
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="data:," onload="document.title = \'injected\'">',
      ),
    );

    await expect.poll(() => browserErrors.some((error) => error.startsWith('csp:'))).toBe(true);
    expect(await page.title()).not.toBe('injected');
    browserErrors.splice(0);
  });

  test('refuses to be shown in a frame', async ({ page, baseURL, browserErrors }) => {
    await page.setContent(`<iframe title="framed" src="${baseURL}/"></iframe>`);

    await expect
      .poll(() => browserErrors.some((error) => error.includes("frame-ancestors 'none'")))
      .toBe(true);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    await expect(framed?.locator('form') ?? page.locator('nothing')).toHaveCount(0);
    browserErrors.splice(0);
  });
});

test.describe('forwarding /api to the API', () => {
  test.skip(!echoBaseUrl, 'needs a frontend whose API echoes requests (E2E_ECHO_BASE_URL)');
  test.use({ baseURL: echoBaseUrl });

  test("tells the API the browser's real address, whatever the page claims", async ({ page }) => {
    await page.goto('/');
    const seen = await page.evaluate(async () => {
      const response = await fetch('/api/v1/tasks', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': '203.0.113.9',
          'x-forwarded-host': 'evil.example',
          'x-forwarded-proto': 'https',
          'x-real-ip': '203.0.113.10',
          forwarded: 'for=203.0.113.11;proto=https',
        },
        body: '{}',
      });
      return (await response.json()) as { headers: Record<string, string> };
    });

    expect(seen.headers).toMatchObject({
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': new URL(echoBaseUrl ?? '').host,
      // The API checks these on cookie-authenticated changes: they reach it as the browser sent them.
      origin: echoBaseUrl,
      'sec-fetch-site': 'same-origin',
    });
    expect(seen.headers['x-real-ip']).toBeUndefined();
    expect(seen.headers.forwarded).toBeUndefined();
    expect(seen.headers['content-security-policy']).toBeUndefined();
  });

  test('a client that is not a browser cannot claim an address either', async ({ request }) => {
    const response = await request.get('/api/v1/tasks', {
      headers: { 'X-Forwarded-For': '198.51.100.7, 10.0.0.1', 'X-Real-IP': '198.51.100.8' },
    });

    const seen = (await response.json()) as { headers: Record<string, string> };
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-real-ip']).toBeUndefined();
  });
});
