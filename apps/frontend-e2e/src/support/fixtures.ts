import { API_ROUTES } from '@pakaura/contract/browser';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { e2eOutputDir } from './stack';

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** A person nobody has registered yet: every test gets its own, so tests never share data. */
export function newAccount(): Account {
  const id = randomUUID().slice(0, 8);
  return { name: 'Ada Tester', email: `ada.${id}@example.com`, password: `correct-horse-${id}` };
}

/** A random address in one of the documentation networks (RFC 5737), e.g. `198.51.100`. */
export function clientAddress(network: '198.51.100' | '203.0.113'): string {
  return `${network}.${Math.floor(Math.random() * 254) + 1}`;
}

/**
 * Registers through the real API. Given `page.request`, the session cookie lands in the page's
 * browser context (signed in); given a separate request context, the page stays signed out.
 */
export async function register(request: APIRequestContext, account: Account) {
  const response = await request.post(API_ROUTES.register, { data: account });
  expect(response.status(), await response.text()).toBe(201);
}

/** Saves a screenshot of a main screen under dist/e2e/screenshots, kept as a CI artifact. */
export async function snap(page: Page, name: string) {
  await page.screenshot({
    path: path.join(e2eOutputDir, 'screenshots', `${name}.png`),
    fullPage: true,
  });
}

/**
 * Browser-side failures no assertion would see: uncaught exceptions, console errors (React
 * hydration mismatches among them) and every Content-Security-Policy violation, reported by the
 * page's own `securitypolicyviolation` events. A refused or failed request is logged by Chromium
 * too; those are expected where a test provokes them, and the test checks what the person sees
 * instead.
 */
async function watchBrowserErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  await page.exposeFunction('reportCspViolation', (violation: string) =>
    errors.push(`csp: ${violation}`),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (v: string) => void })
        .reportCspViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI}`,
      );
    });
  });
  return errors;
}

export const test = base.extend<{
  account: Account;
  signedIn: Account;
  /** What went wrong in the browser; a test that provokes an error on purpose removes it. */
  browserErrors: string[];
}>({
  browserErrors: [
    async ({ page }, use) => {
      const errors = await watchBrowserErrors(page);
      await use(errors);
      expect(errors, 'errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern
  account: async ({}, use) => use(newAccount()),
  /** A fresh account, registered, with the page signed in and showing the board. */
  signedIn: async ({ page, account }, use) => {
    await register(page.request, account);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Your tasks' })).toBeVisible();
    await use(account);
  },
});

export { expect };
