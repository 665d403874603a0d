import { describe, expect, it } from 'vitest';
import { parseIntents, type Intent } from '../../../src/chat/builtin/intent-parser';

/** Wednesday 9 January 2030, 15:00 UTC: relative dates below count from here. */
const NOW = new Date('2030-01-09T15:00:00Z');

const cases = (table: Array<[string, Intent]>) => table;

/** One intent, or the list when a message asks for several things. */
function parseIntent(message: string, now: Date): Intent | Intent[] {
  const intents = parseIntents(message, now);
  return intents.length === 1 ? intents[0] : intents;
}

describe('parseIntent', () => {
  it.each(
    cases([
      ['Add a task to demo Kubernetes', { tool: 'add_task', args: { title: 'Demo Kubernetes' } }],
      ['add buy milk', { tool: 'add_task', args: { title: 'Buy milk' } }],
      [
        'Create a new task called "Write the release notes"',
        { tool: 'add_task', args: { title: 'Write the release notes' } },
      ],
      [
        "Please add 'call the bank' to my list",
        { tool: 'add_task', args: { title: 'Call the bank' } },
      ],
      [
        'new task: update the Helm chart',
        { tool: 'add_task', args: { title: 'Update the Helm chart' } },
      ],
      [
        'Remind me to water the plants tomorrow',
        { tool: 'add_task', args: { title: 'Water the plants', dueDate: '2030-01-10' } },
      ],
      [
        'I need to renew my passport by March 5',
        { tool: 'add_task', args: { title: 'Renew my passport', dueDate: '2030-03-05' } },
      ],
      [
        "don't forget to pay rent on Friday",
        { tool: 'add_task', args: { title: 'Pay rent', dueDate: '2030-01-11' } },
      ],
      [
        'Add a high priority task to fix the login bug',
        { tool: 'add_task', args: { title: 'Fix the login bug', priority: 'high' } },
      ],
      [
        'add an urgent task: restart the cluster',
        { tool: 'add_task', args: { title: 'Restart the cluster', priority: 'high' } },
      ],
      [
        'Could you add "clean the garage" as low priority, due 2030-02-01?',
        {
          tool: 'add_task',
          args: { title: 'Clean the garage', priority: 'low', dueDate: '2030-02-01' },
        },
      ],
      [
        'create task prepare slides due next week',
        { tool: 'add_task', args: { title: 'Prepare slides', dueDate: '2030-01-16' } },
      ],
      ['put groceries on my list', { tool: 'add_task', args: { title: 'Groceries' } }],
      [
        'todo: email Sam in 3 days',
        { tool: 'add_task', args: { title: 'Email Sam', dueDate: '2030-01-12' } },
      ],
      [
        'hey, can you add book flights for me, thanks',
        { tool: 'add_task', args: { title: 'Book flights' } },
      ],
      ['Schedule a task to review PRs', { tool: 'add_task', args: { title: 'Review PRs' } }],
      [
        'Add a task to mark the invoices as done',
        { tool: 'add_task', args: { title: 'Mark the invoices as done' } },
      ],
    ]),
  )('reads %j as adding a task', (message, intent) => {
    expect(parseIntent(message, NOW)).toEqual(intent);
  });

  it.each(
    cases([
      ['Show my tasks', { tool: 'list_tasks', args: {} }],
      ['list tasks', { tool: 'list_tasks', args: {} }],
      ["What's on my list?", { tool: 'list_tasks', args: {} }],
      ['What do I have to do?', { tool: 'list_tasks', args: { status: 'active' } }],
      ['show me my open tasks', { tool: 'list_tasks', args: { status: 'active' } }],
      ["what's left", { tool: 'list_tasks', args: { status: 'active' } }],
      ['Which tasks are completed?', { tool: 'list_tasks', args: { status: 'completed' } }],
      ['show finished todos', { tool: 'list_tasks', args: { status: 'completed' } }],
      ['my tasks', { tool: 'list_tasks', args: {} }],
      [
        'Do I have any tasks about Kubernetes?',
        { tool: 'list_tasks', args: { search: 'Kubernetes' } },
      ],
      ['find tasks about the chart', { tool: 'list_tasks', args: { search: 'chart' } }],
      ['search for milk', { tool: 'list_tasks', args: { search: 'milk' } }],
      [
        'show pending tasks mentioning "helm"',
        { tool: 'list_tasks', args: { status: 'active', search: 'helm' } },
      ],
    ]),
  )('reads %j as listing tasks', (message, intent) => {
    expect(parseIntent(message, NOW)).toEqual(intent);
  });

  it.each(
    cases([
      ['Complete the Kubernetes task', { tool: 'complete_task', args: { task: 'Kubernetes' } }],
      ['mark buy milk as done', { tool: 'complete_task', args: { task: 'buy milk' } }],
      [
        "Mark 'call the bank' as completed",
        { tool: 'complete_task', args: { task: 'call the bank' } },
      ],
      ['I finished the report', { tool: 'complete_task', args: { task: 'report' } }],
      ["I've completed the slides", { tool: 'complete_task', args: { task: 'slides' } }],
      ['check off groceries', { tool: 'complete_task', args: { task: 'groceries' } }],
      ['tick the helm chart off', { tool: 'complete_task', args: { task: 'helm chart' } }],
      ['The Kubernetes demo is done', { tool: 'complete_task', args: { task: 'Kubernetes demo' } }],
      ['done with the passport', { tool: 'complete_task', args: { task: 'passport' } }],
      [
        'finish "Write release notes"',
        { tool: 'complete_task', args: { task: 'Write release notes' } },
      ],
    ]),
  )('reads %j as completing a task', (message, intent) => {
    expect(parseIntent(message, NOW)).toEqual(intent);
  });

  it.each(
    cases([
      ['Delete completed tasks', { tool: 'delete_completed_tasks', args: {} }],
      ['clear all done tasks', { tool: 'delete_completed_tasks', args: {} }],
      ['remove the finished ones', { tool: 'delete_completed_tasks', args: {} }],
      ['clean up completed', { tool: 'delete_completed_tasks', args: {} }],
      ["get rid of everything I've finished", { tool: 'delete_completed_tasks', args: {} }],
      ['please delete all completed todos', { tool: 'delete_completed_tasks', args: {} }],
    ]),
  )('reads %j as deleting completed tasks', (message, intent) => {
    expect(parseIntent(message, NOW)).toEqual(intent);
  });

  it.each(
    cases([
      ['Delete the demo task', { tool: 'delete_task', args: { task: 'demo' } }],
      ['remove buy milk', { tool: 'delete_task', args: { task: 'buy milk' } }],
      [
        'get rid of the "clean the garage" task',
        { tool: 'delete_task', args: { task: 'clean the garage' } },
      ],
      [
        'cancel the dentist appointment',
        { tool: 'delete_task', args: { task: 'dentist appointment' } },
      ],
      ['forget about the slides', { tool: 'delete_task', args: { task: 'slides' } }],
    ]),
  )('reads %j as deleting one task', (message, intent) => {
    expect(parseIntent(message, NOW)).toEqual(intent);
  });

  it.each(
    cases([
      [
        'Rename the report task to Quarterly report',
        { tool: 'update_task', args: { task: 'report', title: 'Quarterly report' } },
      ],
      [
        'change the title of buy milk to buy oat milk',
        { tool: 'update_task', args: { task: 'buy milk', title: 'Buy oat milk' } },
      ],
      [
        'Make the login bug high priority',
        { tool: 'update_task', args: { task: 'login bug', priority: 'high' } },
      ],
      [
        'set the priority of groceries to low',
        { tool: 'update_task', args: { task: 'groceries', priority: 'low' } },
      ],
      [
        'change the demo priority to medium',
        { tool: 'update_task', args: { task: 'demo', priority: 'medium' } },
      ],
      [
        'the passport is urgent',
        { tool: 'update_task', args: { task: 'passport', priority: 'high' } },
      ],
      ['prioritize the chart', { tool: 'update_task', args: { task: 'chart', priority: 'high' } }],
      [
        'Move the demo to next Monday',
        { tool: 'update_task', args: { task: 'demo', dueDate: '2030-01-14' } },
      ],
      [
        'postpone slides until tomorrow',
        { tool: 'update_task', args: { task: 'slides', dueDate: '2030-01-10' } },
      ],
      [
        'set the due date of the report to 2030-04-01',
        { tool: 'update_task', args: { task: 'report', dueDate: '2030-04-01' } },
      ],
      [
        'the report is due on 20th of January',
        { tool: 'update_task', args: { task: 'report', dueDate: '2030-01-20' } },
      ],
      [
        'remove the due date from the report',
        { tool: 'update_task', args: { task: 'report', dueDate: null } },
      ],
      [
        'add a note to the demo: bring the laptop',
        { tool: 'update_task', args: { task: 'demo', description: 'bring the laptop' } },
      ],
      [
        'reopen the Kubernetes task',
        { tool: 'update_task', args: { task: 'Kubernetes', completed: false } },
      ],
      [
        'mark groceries as not done',
        { tool: 'update_task', args: { task: 'groceries', completed: false } },
      ],
    ]),
  )('reads %j as changing a task', (message, intent) => {
    expect(parseIntent(message, NOW)).toEqual(intent);
  });

  it.each(['hi', 'Help', 'what can you do?', '   '])('offers help for %j', (message) => {
    expect(parseIntent(message, NOW)).toEqual({ tool: 'help' });
  });

  it.each(['The weather is nice', 'banana', '42'])(
    'admits it does not understand %j',
    (message) => {
      expect((parseIntent(message, NOW) as Intent).tool).toBe('unknown');
    },
  );

  it('asks for a title when asked to add nothing', () => {
    expect(parseIntent('add a task', NOW)).toMatchObject({
      tool: 'unknown',
      hint: expect.stringMatching(/called/),
    });
  });
});
