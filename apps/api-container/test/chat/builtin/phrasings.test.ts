import { describe, expect, it } from 'vitest';
import { parseIntents, type Intent } from '../../../src/chat/builtin/intent-parser';

/** Wednesday 9 January 2030, 15:00 UTC: relative dates below count from here. */
const NOW = new Date('2030-01-09T15:00:00Z');

type Case = [message: string, intents: Intent[]];
const add = (title: string, extra: Record<string, string> = {}): Intent => ({
  tool: 'add_task',
  args: { title, ...extra },
});
const complete = (task: string): Intent => ({ tool: 'complete_task', args: { task } });
const each = (whole: Intent, ...parts: Intent[]): Intent =>
  ({ tool: 'each', whole, parts }) as Intent;

/** Messages written the way people type them: lowercase, typos, past tense, several at once. */
describe('the built-in assistant reads messages as people type them', () => {
  it.each<Case>([
    ['add buy milk and call mom', [add('Buy milk'), add('Call mom')]],
    ['add milk, eggs and bread', [add('Milk'), add('Eggs'), add('Bread')]],
    [
      'hey can you add: buy milk, call mom, pay rent',
      [add('Buy milk'), add('Call mom'), add('Pay rent')],
    ],
    ['add salt and pepper', [add('Salt and pepper')]],
    ['add call mom tommorow', [add('Call mom', { dueDate: '2030-01-10' })]],
    ['remind me to call mom on the 15th', [add('Call mom', { dueDate: '2030-01-15' })]],
    [
      'add pay rent on the 1st and renew passport by march 5th',
      [
        add('Pay rent', { dueDate: '2030-02-01' }),
        add('Renew passport', { dueDate: '2030-03-05' }),
      ],
    ],
    [
      'add book flights in two weeks high priority',
      [add('Book flights', { priority: 'high', dueDate: '2030-01-23' })],
    ],
    [
      'i need to buy a gift for mom by dec 20th',
      [add('Buy a gift for mom', { dueDate: '2030-12-20' })],
    ],
    ["add 'clean garage' due next month", [add('Clean garage', { dueDate: '2030-02-09' })]],
    ['put walk the dog on my list for tonight', [add('Walk the dog', { dueDate: '2030-01-09' })]],
    ['add a high prio task fix the login bug', [add('Fix the login bug', { priority: 'high' })]],
    [
      'add dentist appointment on friday at 3pm',
      [add('Dentist appointment', { dueDate: '2030-01-11' })],
    ],
    ['dont forget to pay rent next friday', [add('Pay rent', { dueDate: '2030-01-18' })]],
    ['add taxes due in 3 wks', [add('Taxes', { dueDate: '2030-01-30' })]],
  ])('adds from %j', (message, intents) => {
    expect(parseIntents(message, NOW)).toEqual(intents);
  });

  it.each<Case>([
    ['finished the groceries one', [complete('groceries')]],
    ['called mom', [complete('call mom')]],
    ['paid the rent', [complete('pay the rent')]],
    ['sent the invoice', [complete('send the invoice')]],
    ['watered the plants', [complete('water the plants')]],
    ['got the groceries', [complete('get the groceries')]],
    ['i took care of the car service', [complete('car service')]],
    ['just emailed sam', [complete('email sam')]],
    ['groceries done', [complete('groceries')]],
    ['compelte groceries', [complete('groceries')]],
    ['mrak the report as done', [complete('report')]],
    ['finsihed the slides', [complete('slides')]],
    [
      'finished the groceries and the laundry',
      [each(complete('groceries and the laundry'), complete('groceries'), complete('laundry'))],
    ],
    [
      'mark groceries and laundry done',
      [each(complete('groceries and laundry'), complete('groceries'), complete('laundry'))],
    ],
    ['add buy milk. finished the laundry', [add('Buy milk'), complete('laundry')]],
  ])('completes from %j', (message, intents) => {
    expect(parseIntents(message, NOW)).toEqual(intents);
  });

  it.each<Case>([
    ['reopen the laundry', [{ tool: 'update_task', args: { task: 'laundry', completed: false } }]],
    [
      "i didn't finish the report after all",
      [{ tool: 'update_task', args: { task: 'report', completed: false } }],
    ],
    [
      "the report isn't done",
      [{ tool: 'update_task', args: { task: 'report', completed: false } }],
    ],
    ['uncheck groceries', [{ tool: 'update_task', args: { task: 'groceries', completed: false } }]],
    ['delte the dentist one', [{ tool: 'delete_task', args: { task: 'dentist' } }]],
    ['ok. delete the demo', [{ tool: 'delete_task', args: { task: 'demo' } }]],
    ['ditch the gym thing', [{ tool: 'delete_task', args: { task: 'gym' } }]],
    [
      'delete milk and eggs',
      [
        each(
          { tool: 'delete_task', args: { task: 'milk and eggs' } },
          { tool: 'delete_task', args: { task: 'milk' } },
          { tool: 'delete_task', args: { task: 'eggs' } },
        ),
      ],
    ],
    [
      'rename groceries to weekly groceries',
      [{ tool: 'update_task', args: { task: 'groceries', title: 'Weekly groceries' } }],
    ],
    [
      'renmae the report to q1 report',
      [{ tool: 'update_task', args: { task: 'report', title: 'Q1 report' } }],
    ],
  ])('reopens, deletes or renames from %j', (message, intents) => {
    expect(parseIntents(message, NOW)).toEqual(intents);
  });

  it.each<Case>([
    [
      'push the dentist thing to next friday',
      [{ tool: 'update_task', args: { task: 'dentist', dueDate: '2030-01-18' } }],
    ],
    [
      'move the dentist to the 20th',
      [{ tool: 'update_task', args: { task: 'dentist', dueDate: '2030-01-20' } }],
    ],
    [
      'reschedule laundry for saturday',
      [{ tool: 'update_task', args: { task: 'laundry', dueDate: '2030-01-12' } }],
    ],
    [
      'set laundry due in 3 days',
      [{ tool: 'update_task', args: { task: 'laundry', dueDate: '2030-01-12' } }],
    ],
    [
      "change the report's due date to friday",
      [{ tool: 'update_task', args: { task: 'report', dueDate: '2030-01-11' } }],
    ],
    [
      'the report is due on the 3rd',
      [{ tool: 'update_task', args: { task: 'report', dueDate: '2030-02-03' } }],
    ],
    [
      'remove the deadline from the report',
      [{ tool: 'update_task', args: { task: 'report', dueDate: null } }],
    ],
    [
      'make the dentist thing urgent',
      [{ tool: 'update_task', args: { task: 'dentist', priority: 'high' } }],
    ],
    [
      'bump the report to high priority',
      [{ tool: 'update_task', args: { task: 'report', priority: 'high' } }],
    ],
    ['laundry is urgent', [{ tool: 'update_task', args: { task: 'laundry', priority: 'high' } }]],
    [
      'make laundry low priority',
      [{ tool: 'update_task', args: { task: 'laundry', priority: 'low' } }],
    ],
    [
      'deprioritize the garage',
      [{ tool: 'update_task', args: { task: 'garage', priority: 'low' } }],
    ],
  ])('changes a due date or priority from %j', (message, intents) => {
    expect(parseIntents(message, NOW)).toEqual(intents);
  });

  it.each<Case>([
    [
      'mark everything done',
      [{ tool: 'update_tasks', args: { where: { status: 'active' }, set: { completed: true } } }],
    ],
    [
      "i'm done with everything",
      [{ tool: 'update_tasks', args: { where: { status: 'active' }, set: { completed: true } } }],
    ],
    [
      'mark the overdue ones as done',
      [
        {
          tool: 'update_tasks',
          args: { where: { due: 'overdue', status: 'active' }, set: { completed: true } },
        },
      ],
    ],
    [
      'mark all high priority tasks as done',
      [
        {
          tool: 'update_tasks',
          args: { where: { priority: 'high', status: 'active' }, set: { completed: true } },
        },
      ],
    ],
    [
      'uncheck everything',
      [
        {
          tool: 'update_tasks',
          args: { where: { status: 'completed' }, set: { completed: false } },
        },
      ],
    ],
    [
      'move all overdue tasks to tomorrow',
      [
        {
          tool: 'update_tasks',
          args: { where: { due: 'overdue' }, set: { dueDate: '2030-01-10' } },
        },
      ],
    ],
    [
      'make all overdue tasks high priority',
      [{ tool: 'update_tasks', args: { where: { due: 'overdue' }, set: { priority: 'high' } } }],
    ],
    ['delete the ones i finished', [{ tool: 'delete_completed_tasks', args: {} }]],
    ['delete the completed ones', [{ tool: 'delete_completed_tasks', args: {} }]],
    ['clear the finished stuff', [{ tool: 'delete_completed_tasks', args: {} }]],
    ["wipe everything i've done", [{ tool: 'delete_completed_tasks', args: {} }]],
    ['delete all overdue tasks', [{ tool: 'delete_tasks', args: { where: { due: 'overdue' } } }]],
    [
      'remove all low priority tasks',
      [{ tool: 'delete_tasks', args: { where: { priority: 'low' } } }],
    ],
    ['delete everything', [{ tool: 'delete_tasks', args: { where: {} } }]],
  ])('acts on many tasks from %j', (message, intents) => {
    expect(parseIntents(message, NOW)).toEqual(intents);
  });

  it.each<Case>([
    ['whats overdue', [{ tool: 'list_tasks', args: { due: 'overdue' } }]],
    ["what's due this week", [{ tool: 'list_tasks', args: { due: 'this_week' } }]],
    ['anything due tomorrow?', [{ tool: 'list_tasks', args: { due: 'tomorrow' } }]],
    ["what's due by friday", [{ tool: 'list_tasks', args: { dueTo: '2030-01-11' } }]],
    ['what do i have today', [{ tool: 'list_tasks', args: { due: 'today' } }]],
    ["what's on my plate this week", [{ tool: 'list_tasks', args: { due: 'this_week' } }]],
    [
      'whats left this week',
      [{ tool: 'list_tasks', args: { due: 'this_week', status: 'active' } }],
    ],
    ['show high priority tasks', [{ tool: 'list_tasks', args: { priority: 'high' } }]],
    ["show me what's urgent", [{ tool: 'list_tasks', args: { priority: 'high' } }]],
    ['tasks without a due date', [{ tool: 'list_tasks', args: { due: 'no_date' } }]],
    ['list completed', [{ tool: 'list_tasks', args: { status: 'completed' } }]],
    ['what did i finish', [{ tool: 'list_tasks', args: { status: 'completed' } }]],
    ['shwo my taks', [{ tool: 'list_tasks', args: {} }]],
    ['lsit my todos', [{ tool: 'list_tasks', args: {} }]],
  ])('lists from %j', (message, intents) => {
    expect(parseIntents(message, NOW)).toEqual(intents);
  });

  it.each<Case>([
    ['how many tasks do i have', [{ tool: 'count_tasks', args: {} }]],
    ['how many are left', [{ tool: 'count_tasks', args: { status: 'active' } }]],
    ['hw many tasks are overdue', [{ tool: 'count_tasks', args: { due: 'overdue' } }]],
    ['how many overdue', [{ tool: 'count_tasks', args: { due: 'overdue' } }]],
    ['give me a summary', [{ tool: 'count_tasks', args: {} }]],
    ['summarize', [{ tool: 'count_tasks', args: {} }]],
    ['how am i doing', [{ tool: 'count_tasks', args: {} }]],
  ])('counts from %j', (message, intents) => {
    expect(parseIntents(message, NOW)).toEqual(intents);
  });

  it('refuses to add more than ten tasks from one message, and says why', () => {
    const items = Array.from({ length: 11 }, (_, i) => `item ${i}`).join(', ');
    expect(parseIntents(`add ${items}`, NOW)).toEqual([
      { tool: 'unknown', hint: expect.stringMatching(/at most 10 per message/) },
    ]);
  });
});
