import type { Priority } from '@pakaura/contract';
import type { TaskFilter } from '../task-queries';
import { resolveDate } from './dates';

export const DONE_WORDS = '(?:done|complete|completed|finished|checked off|ticked off)';

const COMPLETED = new RegExp(
  `\\b(?:${DONE_WORDS}|closed|(?:i|i've|i have|we've)\\s+(?:already\\s+)?(?:finished|done|completed|did)|did\\s+i\\s+(?:finish|complete|do|get\\s+done))\\b`,
  'i',
);
const NOT_DONE =
  /\b(?:not\s+(?:yet\s+)?(?:done|completed|finished)|active|open|pending|remaining|left|outstanding|incomplete|unfinished|undone|still|have to do|need to do|to do next|todo|to-do)\b/i;

const PRIORITY_FILTERS: Array<[RegExp, Priority]> = [
  [/\b(?:high|highest|top)[- ]?(?:priority|prio)\b|\burgent\b|\bimportant\b|\bcritical\b/i, 'high'],
  [/\b(?:low|lowest)[- ]?(?:priority|prio)\b|\bunimportant\b/i, 'low'],
  [/\b(?:medium|normal|regular)[- ]?(?:priority|prio)\b/i, 'medium'],
];

const DUE_FILTERS: Array<[RegExp, NonNullable<TaskFilter['due']>]> = [
  [/\b(?:overdue|late|past\s+due|behind)\b/i, 'overdue'],
  [/\b(?:today|tonight)\b/i, 'today'],
  [/\btomorrow\b/i, 'tomorrow'],
  [/\bthis\s+week\b|\bthe\s+week\b/i, 'this_week'],
  [/\bnext\s+week\b/i, 'next_week'],
  [/\bthis\s+month\b/i, 'this_month'],
  [
    /\b(?:no|without(?:\s+a)?|missing(?:\s+a)?)\s+(?:due\s+)?(?:date|deadline)s?\b|\bundated\b/i,
    'no_date',
  ],
];

/** "due by friday", "due before the 15th": a last day rather than a window. */
const DUE_BY =
  /\bdue\s+(?:by|before|until|till)\s+(.+?)(?=\s+(?:and|or|with|that|which)\b|[?!.,]|$)/i;

/**
 * The filter words in a request ("overdue", "finished", "high priority", "due this week", "due
 * by friday"): what a listing, a count or a bulk change is about.
 */
export function parseFilter(text: string, now: Date): TaskFilter {
  const filter: TaskFilter = {};
  for (const [pattern, due] of DUE_FILTERS) {
    if (pattern.test(text)) {
      filter.due = due;
      break;
    }
  }
  const dueBy = DUE_BY.exec(text);
  const dueTo = dueBy && resolveDate(dueBy[1], now);
  if (dueTo) {
    filter.dueTo = dueTo;
    if (filter.due !== 'overdue') delete filter.due;
  }
  if (filter.due !== 'overdue') {
    if (NOT_DONE.test(text)) filter.status = 'active';
    else if (COMPLETED.test(text)) filter.status = 'completed';
  }
  for (const [pattern, priority] of PRIORITY_FILTERS) {
    if (pattern.test(text)) {
      filter.priority = priority;
      break;
    }
  }
  return filter;
}

/** Words that mean "more than one task, chosen by a filter" rather than a task's name. */
const BULK =
  /^(?:all|every|everything|each|any|them|those|these|the\s+(?:lot|rest)|the\s+ones|ones|(?:the\s+|my\s+|all\s+(?:of\s+)?(?:the\s+|my\s+)?)?(?:overdue|late|completed|finished|done|open|remaining|old|high[- ]priority|low[- ]priority|urgent)\s+(?:tasks|todos|ones|items|stuff|things))\b/i;

/**
 * The filter a bulk reference names ("everything", "all overdue tasks", "the ones i finished",
 * "all high priority stuff due this week"), or undefined when the reference names one task.
 */
export function parseBulkReference(reference: string, now: Date): TaskFilter | undefined {
  const text = reference.trim().replace(/^(?:the|my)\s+(?=(?:all|every|ones)\b)/i, '');
  if (!BULK.test(text)) return undefined;
  return parseFilter(text, now);
}
