import type { ChatAction, Task } from '@pakaura/contract';
import type { ChatProvider, ChatReply, ChatRequestContext, ChatTurn } from '../provider';
import { findTask } from '../task-matcher';
import type { ChatToolbox } from '../tools';
import { parseIntents, type Intent } from './intent-parser';

export const HELP_TEXT = [
  'I manage your tasks. Try:',
  '• "Add a task to demo Kubernetes", "add buy milk and call mom tomorrow" (or "by Friday", "on the 15th", "high priority")',
  '• "Show my tasks", "What\'s overdue?", "What\'s due this week?", "How many are left?"',
  '• "Finished the groceries one", "Called mom", "Mark everything done"',
  '• "Rename the report task to Quarterly report", "Push the dentist thing to next Friday"',
  '• "Delete the demo task", "Delete the ones I finished"',
].join('\n');

const MAX_LISTED = 20;

function line(task: Task): string {
  const extras = [
    task.priority !== 'medium' && task.priority,
    task.dueDate && `due ${task.dueDate}`,
  ].filter(Boolean);
  return `${task.completed ? '✓' : '○'} ${task.title}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

/** The reply for what a tool did: its summary, and for a listing the tasks themselves. */
export function describeAction(action: ChatAction): string {
  if (action.tool !== 'list_tasks' || action.tasks.length === 0)
    return `${action.summary}.`.replace(/\?\.$/, '?');
  const shown = action.tasks.slice(0, MAX_LISTED).map(line);
  const total = action.total ?? action.tasks.length;
  const more = total > shown.length ? [`…and ${total - shown.length} more`] : [];
  return [`${action.summary}:`, ...shown, ...more].join('\n');
}

/** "the first one", "2", "#3", "the last": a pick by position among the tasks just named. */
function byPosition(message: string, tasks: Task[]): Task | undefined {
  const words: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };
  const text = message.trim().toLowerCase();
  const match =
    /^(?:the\s+)?(?:#)?(first|second|third|fourth|fifth|last|[1-5])(?:st|nd|rd|th)?(?:\s+one)?$/.exec(
      text,
    );
  if (!match) return undefined;
  const index = match[1] === 'last' ? tasks.length : (words[match[1]] ?? Number(match[1]));
  return tasks[index - 1];
}

/** The action of the previous answer that asked "which one?", if that is where we are. */
function pendingQuestion(history: ChatTurn[]): ChatAction | undefined {
  const last = history.at(-1);
  if (last?.role !== 'assistant') return undefined;
  return last.actions?.find((action) => action.ambiguous && (action.taskIds?.length ?? 0) > 1);
}

/**
 * The default assistant: no model, no key. It reads the request with a deterministic intent
 * parser (varied phrasing, typos, past tense, several requests at once, relative dates, fuzzy
 * task names) and runs the tools it asks for, in order.
 */
export class BuiltinProvider implements ChatProvider {
  readonly name = 'builtin' as const;

  async respond({ message, history, toolbox, now }: ChatRequestContext): Promise<ChatReply> {
    const intents = parseIntents(message, now);
    const question = pendingQuestion(history);
    if (
      question &&
      intents.every((intent) => intent.tool === 'unknown' || intent.tool === 'help')
    ) {
      const answer = await this.answerQuestion(message, question, toolbox);
      if (answer) return answer;
    }
    const [first] = intents;
    if (first.tool === 'help') return { reply: HELP_TEXT, actions: [] };
    if (first.tool === 'unknown') {
      return {
        reply: first.hint ?? `I did not understand that as a task request.\n${HELP_TEXT}`,
        actions: [],
      };
    }
    const actions: ChatAction[] = [];
    for (const intent of intents) actions.push(...(await this.run(intent, toolbox)));
    return { reply: actions.map(describeAction).join('\n'), actions };
  }

  private async run(intent: Intent, toolbox: ChatToolbox): Promise<ChatAction[]> {
    if (intent.tool === 'help' || intent.tool === 'unknown') return [];
    if (intent.tool !== 'each') return [await toolbox.run(intent.tool, intent.args)];
    // "salt and pepper" may be one task's name; otherwise each part names its own task.
    const whole = await toolbox.run(intent.whole.tool, intent.whole.args);
    if (whole.ok) return [whole];
    const actions: ChatAction[] = [];
    for (const part of intent.parts) actions.push(await toolbox.run(part.tool, part.args));
    return actions;
  }

  /** "the helm one", "the first", "both": the answer to "which one?" reruns the same tool. */
  private async answerQuestion(
    message: string,
    question: ChatAction,
    toolbox: ChatToolbox,
  ): Promise<ChatReply | undefined> {
    const tasks = await toolbox.byIds(question.taskIds ?? []);
    if (tasks.length === 0) return undefined;
    const all = /^(?:both|all|all of them|each|every one|both of them)$/i.test(message.trim());
    const picked = all
      ? tasks
      : [byPosition(message, tasks) ?? oneMatch(message, tasks)].filter(
          (task): task is Task => task !== undefined,
        );
    if (picked.length === 0) return undefined;
    const actions: ChatAction[] = [];
    for (const task of picked)
      actions.push(await toolbox.run(question.tool, { ...question.args, task: task.id }));
    return { reply: actions.map(describeAction).join('\n'), actions };
  }
}

function oneMatch(message: string, tasks: Task[]): Task | undefined {
  const match = findTask(message.replace(/^(?:the|that)\s+/i, ''), tasks);
  return match.kind === 'one' ? match.task : undefined;
}
