import { API_ROUTES } from '@pakaura/contract/browser';
import { BoardPage } from './support/board';
import { snap, test, expect } from './support/fixtures';

test.describe('the task board', () => {
  test(
    'adds a task with a description, a priority and a due date, and keeps it',
    { tag: '@smoke' },
    async ({ page, signedIn: _ }) => {
      const board = new BoardPage(page);
      await board.titleInput.fill('Prepare the Kubernetes demo');
      await page.getByRole('button', { name: 'Details' }).click();
      await page.getByLabel('Description').fill('Slides and a minikube cluster');
      await page.getByLabel('Priority').selectOption('high');
      await page.getByLabel('Due date').fill('2030-05-17');
      await page.getByRole('button', { name: 'Add', exact: true }).click();

      const task = board.task('Prepare the Kubernetes demo');
      await expect(task).toContainText('Slides and a minikube cluster');
      await expect(task).toContainText('High');
      await expect(task).toContainText('May 17, 2030');
      await expect(board.titleInput).toHaveValue('');

      await page.reload();
      await expect(board.task('Prepare the Kubernetes demo')).toContainText('May 17, 2030');
      await board.add('Write the release notes');
      await snap(page, 'board');
    },
  );

  test('edits a task in place; Escape cancels an edit', async ({ page, signedIn: _ }) => {
    const board = new BoardPage(page);
    await board.add('Draft the agenda');

    await board.task('Draft the agenda').getByRole('button', { name: /^Edit/ }).click();
    const editor = page.getByRole('form', { name: 'Edit task: Draft the agenda' });
    await editor.getByLabel('Title').fill('Draft the meeting agenda');
    await editor.getByLabel('Priority').selectOption('low');
    await editor.getByRole('button', { name: 'Save' }).click();

    await expect(board.task('Draft the meeting agenda')).toContainText('Low');
    await expect(
      board.task('Draft the meeting agenda').getByRole('button', { name: /^Edit/ }),
    ).toBeFocused();

    await board.task('Draft the meeting agenda').getByRole('button', { name: /^Edit/ }).click();
    await page
      .getByRole('form', { name: /^Edit task/ })
      .getByLabel('Title')
      .fill('Never saved');
    await page.keyboard.press('Escape');
    await expect(board.task('Draft the meeting agenda')).toBeVisible();
    await expect(board.task('Never saved')).toHaveCount(0);

    await page.reload();
    await expect(board.task('Draft the meeting agenda')).toContainText('Low');
  });

  test('completes and reopens a task', async ({ page, signedIn: _ }) => {
    const board = new BoardPage(page);
    await board.add('Water the plants');

    await board.checkbox('Water the plants').check();
    await expect(board.task('Water the plants')).toHaveAttribute('data-completed', 'true');
    await page.reload();
    await expect(board.checkbox('Water the plants')).toBeChecked();

    await board.checkbox('Water the plants').uncheck();
    await expect(board.task('Water the plants')).toHaveAttribute('data-completed', 'false');
    await page.reload();
    await expect(board.checkbox('Water the plants')).not.toBeChecked();
  });

  test('deletes a task, with a moment to undo it', async ({ page, signedIn: _ }) => {
    const board = new BoardPage(page);
    await board.add('Old idea');

    await board
      .task('Old idea')
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expect(board.task('Old idea')).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(board.task('Old idea')).toBeVisible();

    await board
      .task('Old idea')
      .getByRole('button', { name: /^Delete/ })
      .click();
    const deleted = page.waitForResponse(
      (r) => r.request().method() === 'DELETE' && r.url().includes('/api/v1/tasks/'),
    );
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect((await deleted).ok()).toBe(true);
    await page.reload();
    await expect(page.getByText('No tasks yet')).toBeVisible();
  });

  test('filters by status, searches, and says why the list is empty', async ({
    page,
    signedIn: _,
  }) => {
    const board = new BoardPage(page);
    await board.add('Buy oat milk');
    await board.add('Book the dentist');
    await board.add('Renew the passport');
    await board.checkbox('Book the dentist').check();

    await board.filter('Active').click();
    await expect(board.tasks).toHaveCount(2);
    await expect(board.filter('Active')).toHaveAttribute('aria-pressed', 'true');
    await board.filter('Completed').click();
    await expect(board.tasks).toHaveCount(1);
    await expect(board.task('Book the dentist')).toBeVisible();
    await board.filter('All').click();
    await expect(board.tasks).toHaveCount(3);

    await page.getByLabel('Search tasks').fill('PASSPORT');
    await expect(board.tasks).toHaveCount(1);
    await page.getByLabel('Search tasks').fill('holiday');
    await expect(page.getByText('No tasks match “holiday”.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(board.tasks).toHaveCount(3);

    await board.checkbox('Buy oat milk').check();
    await board.checkbox('Renew the passport').check();
    await board.filter('Active').click();
    await expect(page.getByText('All caught up: every task is done.')).toBeVisible();
  });

  test('keeps a half-typed task through an expired session and adds it after signing in again', async ({
    page,
    context,
    signedIn,
  }) => {
    const board = new BoardPage(page);
    await context.clearCookies();

    await board.titleInput.fill('Call the plumber before Friday');
    await page.getByRole('button', { name: 'Add', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Email')).toHaveValue(signedIn.email);
    await expect(board.titleInput).toHaveValue('Call the plumber before Friday');
    await snap(page, 'session-expired');

    await dialog.getByLabel('Password').fill(signedIn.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();

    await expect(dialog).toBeHidden();
    await expect(board.task('Call the plumber before Friday')).toBeVisible();
    await expect(board.titleInput).toHaveValue('');
  });

  test('can be used with the keyboard alone', async ({ page, signedIn: _ }) => {
    const board = new BoardPage(page);
    await board.titleInput.focus();
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await expect(board.task('Typed without a mouse')).toBeVisible();
    await expect(board.titleInput).toBeFocused();

    await board.checkbox('Typed without a mouse').focus();
    await page.keyboard.press('Space');
    await expect(board.checkbox('Typed without a mouse')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(
      board.task('Typed without a mouse').getByRole('button', { name: /^Edit/ }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(
      board.task('Typed without a mouse').getByRole('button', { name: /^Edit/ }),
    ).toBeFocused();
  });

  test('loads a long list page by page, and searches the tasks not loaded yet', async ({
    page,
    signedIn: _,
  }) => {
    // 60 tasks, one after the other so their order is certain, oldest first: the contract's
    // default page holds the 50 newest.
    test.slow();
    for (let number = 1; number <= 60; number += 1) {
      const created = await page.request.post(API_ROUTES.tasks, {
        data: { title: `Paged task ${String(number).padStart(2, '0')}` },
      });
      expect(created.status()).toBe(201);
    }
    const board = new BoardPage(page);

    await page.reload();
    await expect(board.tasks).toHaveCount(50);
    await expect(page.getByText('50+ open')).toBeVisible();
    await expect(board.task('Paged task 60')).toBeVisible();
    await expect(board.task('Paged task 10')).toHaveCount(0);

    await page.getByRole('button', { name: 'Load more tasks' }).click();
    await expect(board.tasks).toHaveCount(60);
    await expect(board.tasks.last()).toContainText('Paged task 01');
    await expect(page.getByRole('button', { name: 'Load more tasks' })).toHaveCount(0);
    await expect(page.getByText('60 open')).toBeVisible();

    await page.reload();
    await page.getByLabel('Search tasks').fill('Paged task 03');
    await expect(board.tasks).toHaveCount(1);
    await expect(board.task('Paged task 03')).toBeVisible();
  });
});
