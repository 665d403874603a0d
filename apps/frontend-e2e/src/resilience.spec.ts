import { FRONTEND_HEALTH_PATH, SESSION_COOKIE } from '@pakaura/contract/browser';
import { snap, test, expect } from './support/fixtures';
import { apiDownBaseUrl } from './support/stack';

test.describe('when the API is down', () => {
  test.skip(!apiDownBaseUrl, 'needs a frontend whose API is unreachable (E2E_API_DOWN_BASE_URL)');
  test.use({ baseURL: apiDownBaseUrl });

  test('the frontend stays healthy: its health route never asks the API', async ({ request }) => {
    const response = await request.get(FRONTEND_HEALTH_PATH);
    expect(response.status()).toBe(200);
  });

  test('signing in explains that the service cannot be reached', async ({ page, account }) => {
    await page.goto('/');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill(account.password);
    await form.getByRole('button', { name: 'Sign in' }).click();

    await expect(form.getByRole('alert')).toContainText("We can't reach Pakaura right now");
    await expect(form.getByLabel('Password')).toHaveValue(account.password);
  });

  test('a signed-in person gets a retry page, never a blank page or a stack trace', async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: SESSION_COOKIE, value: 'any', url: apiDownBaseUrl ?? '' }]);

    const response = await page.goto('/');

    expect(response?.status()).toBe(200);
    await expect(
      page.getByRole('heading', { name: "We can't reach Pakaura right now" }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/');
    await expect(page.locator('body')).not.toContainText(/ECONNREFUSED|Error:|at .*\.js/);
    await snap(page, 'api-down');
  });
});
