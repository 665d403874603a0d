import { API_ROUTES } from '@pakaura/contract/browser';
import { BoardPage, ChatPage } from './support/board';
import { snap, test, expect } from './support/fixtures';

test.describe('the assistant', () => {
  test(
    'adds a task when asked, and the board shows it at once',
    { tag: '@smoke' },
    async ({ page, signedIn: _ }) => {
      const board = new BoardPage(page);
      const chat = new ChatPage(page);
      await expect(page.getByText('No tasks yet')).toBeVisible();

      await page
        .getByRole('list', { name: 'Suggestions' })
        .getByRole('button', { name: 'Add a task to demo Kubernetes' })
        .click();

      await expect(chat.assistantMessages().first()).toBeVisible();
      await expect(board.task(/demo kubernetes/i)).toBeVisible();
      await expect(board.tasks).toHaveCount(1);
    },
  );

  test("runs the seed's four demo sentences, the board following each step", async ({
    page,
    signedIn: _,
  }) => {
    const board = new BoardPage(page);
    const chat = new ChatPage(page);
    await board.add('Buy groceries');

    await chat.ask('Add a task to demo Kubernetes');
    await expect(board.task(/demo kubernetes/i)).toBeVisible();
    await expect(board.tasks).toHaveCount(2);

    const listing = await chat.ask('Show my tasks');
    await expect(listing).toContainText(/demo kubernetes/i);
    await expect(listing).toContainText(/buy groceries/i);

    await chat.ask('Complete the Kubernetes task');
    await expect(board.task(/demo kubernetes/i)).toHaveAttribute('data-completed', 'true');
    await expect(board.checkbox('Buy groceries')).not.toBeChecked();

    await chat.ask('Delete completed tasks');
    await expect(board.task(/demo kubernetes/i)).toHaveCount(0);
    await expect(board.tasks).toHaveCount(1);
    await snap(page, 'chat');

    await page.reload();
    await expect(board.tasks).toHaveCount(1);
    await expect(board.task('Buy groceries')).toBeVisible();
    await expect(chat.assistantMessages()).toHaveCount(4);
  });

  test('shows that the assistant is typing while it answers', async ({ page, signedIn: _ }) => {
    const chat = new ChatPage(page);
    // Hold the request a moment on its way to the real API, so the wait can be seen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${API_ROUTES.chat}`, async (route) => {
      await held;
      await route.continue();
    });

    await chat.input.fill('Show my tasks');
    await chat.input.press('Enter');

    await expect(page.getByTestId('typing-indicator')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expect(chat.input).toHaveValue('');
    release();
    await expect(chat.assistantMessages().first()).toBeVisible();
    await expect(page.getByTestId('typing-indicator')).toHaveCount(0);
  });

  test('keeps a message that could not be sent, and sends it on retry', async ({
    page,
    signedIn: _,
  }) => {
    const board = new BoardPage(page);
    const chat = new ChatPage(page);
    // A dropped connection between the browser and the server, once: the API itself stays real.
    await page.route(`**${API_ROUTES.chat}`, (route) => route.abort('connectionreset'), {
      times: 1,
    });

    await chat.input.fill('Add a task to water the plants');
    await chat.input.press('Enter');

    const failed = chat.log.getByRole('alert');
    await expect(failed).toContainText('Not sent.');
    await expect(chat.log).toContainText('Add a task to water the plants');

    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(chat.assistantMessages().first()).toBeVisible();
    await expect(board.task(/water the plants/i)).toBeVisible();
    await expect(failed).toHaveCount(0);
  });

  test('puts a failed message back into the box to edit it', async ({ page, signedIn: _ }) => {
    const chat = new ChatPage(page);
    await page.route(`**${API_ROUTES.chat}`, (route) => route.abort('connectionreset'), {
      times: 1,
    });

    await chat.input.fill('Add a task to feed the cat');
    await chat.input.press('Enter');
    await chat.log.getByRole('alert').getByRole('button', { name: 'Edit' }).click();

    await expect(chat.input).toHaveValue('Add a task to feed the cat');
    await expect(chat.input).toBeFocused();
    await expect(chat.log.getByRole('alert')).toHaveCount(0);
  });

  test('sends what was typed after the session expired and the person signed in again', async ({
    page,
    context,
    signedIn,
  }) => {
    const board = new BoardPage(page);
    const chat = new ChatPage(page);
    await context.clearCookies();

    await chat.input.fill('Add a task to renew the car insurance');
    await chat.input.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
    await dialog.getByLabel('Password').fill(signedIn.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();

    await expect(board.task(/renew the car insurance/i)).toBeVisible();
    await expect(chat.log).toContainText('Add a task to renew the car insurance');
  });
});
