import { API_ROUTES, type ChatResponse, type Task, type TaskList } from '@pakaura/contract';
import { ApiSession } from '../api-session';
import { deleteTestUser } from '../test-user';
import { CheckFailedError, type Check } from '../types';

/** What each seed sentence (T052) must do to the user's task list. */
interface Scenario {
  message: string;
  tool: ChatResponse['actions'][number]['tool'];
  expect(tasks: Task[], reply: string): string | undefined;
}

const isDemoTask = (task: Task) => /kubernetes/i.test(task.title);

export const CHAT_SCENARIOS: readonly Scenario[] = [
  {
    message: 'Add a task to demo Kubernetes',
    tool: 'add_task',
    expect: (tasks) =>
      tasks.filter(isDemoTask).length === 1 && !tasks.find(isDemoTask)?.completed
        ? undefined
        : 'expected one open task about Kubernetes',
  },
  {
    message: 'Show my tasks',
    tool: 'list_tasks',
    expect: (tasks, reply) =>
      tasks.filter(isDemoTask).length !== 1
        ? 'the Kubernetes task should still be there'
        : /kubernetes/i.test(reply)
          ? undefined
          : 'the reply does not list the Kubernetes task',
  },
  {
    message: 'Complete the Kubernetes task',
    tool: 'complete_task',
    expect: (tasks) =>
      tasks.find(isDemoTask)?.completed ? undefined : 'the Kubernetes task is not completed',
  },
  {
    message: 'Delete completed tasks',
    tool: 'delete_completed_tasks',
    expect: (tasks) =>
      tasks.some(isDemoTask) ? 'the completed Kubernetes task is still there' : undefined,
  },
];

/** T052: the four seed sentences through /api/v1/chat, the task list checked after each. */
export const chatbotCheck: Check = {
  name: 'chatbot',
  task: 'T052',
  title: 'chatbot adds, lists, completes and deletes a task',
  disruptive: false,
  async run(ctx) {
    const api = await ApiSession.open(ctx);
    try {
      await api.registerTestUser('chatbot');
      let conversationId: string | undefined;
      for (const [index, scenario] of CHAT_SCENARIOS.entries()) {
        const step = `step ${index + 1} "${scenario.message}"`;
        const chat = await api.expect<ChatResponse>('POST', API_ROUTES.chat, 200, {
          message: scenario.message,
          ...(conversationId ? { conversationId } : {}),
        });
        conversationId = chat.conversationId;
        const { tasks } = await api.expect<TaskList>('GET', API_ROUTES.tasks, 200);
        const tools = chat.actions.map((a) => `${a.tool}${a.ok ? '' : ' (failed)'}`);
        ctx.evidence(
          `${step} -> ${tools.join(', ') || 'no action'}; reply "${oneLine(chat.reply)}"; tasks: ${tasks.map(describe).join(', ') || 'none'}`,
        );
        if (!chat.actions.some((a) => a.tool === scenario.tool && a.ok)) {
          throw new CheckFailedError(
            `${step}: expected a successful ${scenario.tool}, got ${tools.join(', ') || 'no action'} (reply "${oneLine(chat.reply)}")`,
          );
        }
        const problem = scenario.expect(tasks, chat.reply);
        if (problem) {
          throw new CheckFailedError(
            `${step}: ${problem}; tasks now: ${tasks.map(describe).join(', ') || 'none'}`,
          );
        }
      }
    } finally {
      if (api.user) await deleteTestUser(ctx, api.user.email);
      await api.close();
    }
  },
};

function describe(task: Task): string {
  return `[${task.completed ? 'x' : ' '}] ${task.title}`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}
