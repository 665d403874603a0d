import { expect, type Locator, type Page } from '@playwright/test';

/** The board as a person sees it: found by roles and labels, as assistive technology would. */
export class BoardPage {
  readonly titleInput: Locator;
  readonly tasks: Locator;

  constructor(readonly page: Page) {
    this.titleInput = page.getByLabel('Task title');
    this.tasks = page.getByRole('list', { name: 'Tasks' }).getByTestId('task-item');
  }

  task(title: string | RegExp): Locator {
    return this.tasks.filter({
      has: this.page.getByTestId('task-title').filter({ hasText: title }),
    });
  }

  async add(title: string) {
    await this.titleInput.fill(title);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(this.task(title)).toBeVisible();
    await expect(this.titleInput).toHaveValue('');
  }

  checkbox(title: string | RegExp): Locator {
    return this.task(title).getByRole('checkbox');
  }

  filter(name: 'All' | 'Active' | 'Completed'): Locator {
    return this.page.getByRole('group', { name: 'Show tasks' }).getByRole('button', { name });
  }
}

/** The assistant's panel. */
export class ChatPage {
  readonly input: Locator;
  readonly log: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByLabel('Message', { exact: true });
    this.log = page.getByRole('log', { name: 'Conversation with the assistant' });
  }

  assistantMessages(): Locator {
    return this.log.locator('[data-testid="chat-message"][data-role="assistant"]');
  }

  /** Sends a message and waits for the assistant's answer to it. */
  async ask(text: string): Promise<Locator> {
    const before = await this.assistantMessages().count();
    await this.input.fill(text);
    await this.input.press('Enter');
    const reply = this.assistantMessages().nth(before);
    await expect(reply).toBeVisible();
    return reply;
  }
}
