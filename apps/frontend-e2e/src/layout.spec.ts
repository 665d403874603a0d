import { BoardPage } from './support/board';
import { snap, test, expect } from './support/fixtures';

test.describe('layout', () => {
  test('puts the board and the chat side by side on a desktop', async ({ page, signedIn: _ }) => {
    const board = await page.getByRole('region', { name: 'Your tasks' }).boundingBox();
    const chat = await page.getByRole('region', { name: 'Assistant' }).boundingBox();
    expect(board && chat && chat.x > board.x + board.width - 1).toBe(true);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('stacks the chat under the board without sideways scrolling', async ({
      page,
      signedIn: _,
    }) => {
      await new BoardPage(page).add('Fits on a small screen');
      const board = await page.getByRole('region', { name: 'Your tasks' }).boundingBox();
      const chat = await page.getByRole('region', { name: 'Assistant' }).boundingBox();
      expect(board && chat && chat.y >= board.y + board.height).toBe(true);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await snap(page, 'phone');
    });
  });

  test('does not shift while the board loads', async ({ page, signedIn: _ }) => {
    const board = new BoardPage(page);
    await board.add('A task that is there on load');
    await page.addInitScript(() => {
      const w = window as unknown as { __layoutShift: number };
      w.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Array<{
          value: number;
          hadRecentInput: boolean;
        }>) {
          if (!entry.hadRecentInput) w.__layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });

    await page.reload({ waitUntil: 'networkidle' });
    await expect(board.task('A task that is there on load')).toBeVisible();
    // Two frames after the content is there: any shift from hydration has been reported.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const shift = await page.evaluate(
      () => (window as unknown as { __layoutShift: number }).__layoutShift,
    );
    expect(shift).toBeLessThan(0.01);
  });
});
