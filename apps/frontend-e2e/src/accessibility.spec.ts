import type { Page } from '@playwright/test';
import { BoardPage, ChatPage } from './support/board';
import { test, expect } from './support/fixtures';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`),
  );
}

test.describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  test('the sign-in and sign-up pages have no violations', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('form', { name: 'Sign in' })
      .getByRole('button', { name: 'Sign in' })
      .click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('/signup');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the board and the chat, with open and completed tasks, have no violations', async ({
    page,
    signedIn: _,
  }) => {
    const board = new BoardPage(page);
    await board.add('An open task');
    await board.add('A finished task');
    await board.checkbox('A finished task').check();
    await new ChatPage(page).ask('Show my tasks');
    await board
      .task('An open task')
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();

    expect(await axeViolations(page)).toEqual([]);
  });
});
