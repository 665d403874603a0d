import { API_ROUTES } from '@pakaura/contract/browser';
import { newAccount, register, snap, test, expect } from './support/fixtures';

test.describe('signing in and out', () => {
  test(
    'shows the sign-in form at the root URL when signed out, and signs in from it',
    { tag: '@smoke' },
    async ({ page, playwright, baseURL, account }) => {
      const api = await playwright.request.newContext({ baseURL });
      await register(api, account);
      await api.dispose();

      await page.goto('/');
      const form = page.getByRole('form', { name: 'Sign in' });
      await expect(form).toBeVisible();
      await snap(page, 'sign-in');

      await form.getByLabel('Email').fill(account.email);
      await form.getByLabel('Password').fill(account.password);
      await form.getByRole('button', { name: 'Sign in' }).click();

      await expect(page.getByRole('heading', { name: 'Your tasks' })).toBeVisible();
      await expect(page.getByTestId('user-name')).toHaveText(account.name);
    },
  );

  test('signs up with a new account and lands on an empty board', async ({ page, account }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Create an account' }).click();
    const form = page.getByRole('form', { name: 'Create account' });
    await form.getByLabel('Name').fill(account.name);
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill(account.password);
    await snap(page, 'sign-up');
    await form.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL('/');
    await expect(page.getByText('No tasks yet')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Suggestions' })).toBeVisible();
    await snap(page, 'empty-board');
  });

  test('explains each wrong field before sending anything', async ({ page }) => {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes(API_ROUTES.register)) sent.push(request.url());
    });
    await page.goto('/signup');
    const form = page.getByRole('form', { name: 'Create account' });
    await form.getByLabel('Email').fill('not-an-email');
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();

    await expect(form.getByText('Tell us what to call you.')).toBeVisible();
    await expect(form.getByText('Enter an email address like name@example.com.')).toBeVisible();
    await expect(form.getByText(/Use at least \d+ characters/)).toBeVisible();
    await expect(form.getByLabel('Name')).toBeFocused();
    await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual([]);
  });

  test('says the email and password do not match, and keeps the email', async ({
    page,
    playwright,
    baseURL,
    account,
  }) => {
    const api = await playwright.request.newContext({ baseURL });
    await register(api, account);
    await api.dispose();

    await page.goto('/');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByRole('button', { name: 'Sign in' }).click();

    await expect(form.getByRole('alert')).toHaveText(
      'That email and password do not match. Check them and try again.',
    );
    await expect(form.getByLabel('Email')).toHaveValue(account.email);
    await expect(page.getByRole('heading', { name: 'Your tasks' })).toHaveCount(0);
  });

  test('refuses a second account with the same email, on the email field', async ({
    page,
    playwright,
    baseURL,
    account,
  }) => {
    const api = await playwright.request.newContext({ baseURL });
    await register(api, account);
    await api.dispose();

    await page.goto('/signup');
    const form = page.getByRole('form', { name: 'Create account' });
    await form.getByLabel('Name').fill('Someone Else');
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill(newAccount().password);
    await form.getByRole('button', { name: 'Create account' }).click();

    await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Email')).toBeFocused();
  });

  test('says how long to wait once sign-in is rate limited', async ({
    page,
    context,
    playwright,
    baseURL,
    account,
  }) => {
    // The API limits sign-in attempts per client address (from X-Forwarded-For, as behind the
    // ingress): this test is a client of its own, so other tests keep their attempts.
    const client = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
    await context.setExtraHTTPHeaders(client);
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: client });
    await register(api, account);
    let status = 0;
    for (let attempt = 0; attempt < 30 && status !== 429; attempt += 1) {
      const response = await api.post(API_ROUTES.login, {
        data: { email: account.email, password: 'wrong-password' },
      });
      status = response.status();
    }
    await api.dispose();
    expect(status).toBe(429);

    await page.goto('/');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill(account.password);
    await form.getByRole('button', { name: 'Sign in' }).click();

    await expect(form.getByRole('alert')).toHaveText(
      /^Too many sign-in attempts\. Wait (\d+ seconds?|\d+ minutes?|a minute) and try again\.$/,
    );
    await snap(page, 'sign-in-rate-limited');
  });

  test('signs out back to the sign-in form, for good', async ({ page, signedIn }) => {
    await expect(page.getByTestId('user-name')).toHaveText(signedIn.name);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  });
});
