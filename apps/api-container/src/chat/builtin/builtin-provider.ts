import type { ChatAction, Task } from '@pakaura/contract';
import type { ChatProvider, ChatReply, ChatRequestContext } from '../provider';
import { parseIntent } from './intent-parser';

export const HELP_TEXT = [
  'I manage your tasks. Try:',
  '• "Add a task to demo Kubernetes" (add "tomorrow", "by Friday" or "high priority" if you like)',
  '• "Show my tasks", "What is still open?", "Find tasks about Kubernetes"',
  '• "Complete the Kubernetes task", "Mark the report as done"',
  '• "Rename the report task to Quarterly report", "Move the demo to next Monday"',
  '• "Delete the demo task", "Delete completed tasks"',
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
  const more =
    action.tasks.length > MAX_LISTED ? [`…and ${action.tasks.length - MAX_LISTED} more`] : [];
  return [`${action.summary}:`, ...shown, ...more].join('\n');
}

/**
 * The default assistant: no model, no key. It reads the request with a deterministic intent
 * parser (varied phrasing, relative dates, fuzzy task names) and runs the one tool it asks for.
 */
export class BuiltinProvider implements ChatProvider {
  readonly name = 'builtin' as const;

  async respond({ message, toolbox, now }: ChatRequestContext): Promise<ChatReply> {
    const intent = parseIntent(message, now);
    if (intent.tool === 'help') return { reply: HELP_TEXT, actions: [] };
    if (intent.tool === 'unknown') {
      return {
        reply: intent.hint ?? `I did not understand that as a task request.\n${HELP_TEXT}`,
        actions: [],
      };
    }
    const action = await toolbox.run(intent.tool, intent.args);
    return { reply: describeAction(action), actions: [action] };
  }
}
