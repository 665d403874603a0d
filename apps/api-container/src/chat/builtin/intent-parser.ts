import type { ChatToolName, Priority, TaskStatus } from '@pakaura/contract';
import type { ToolArgs } from '../tools';
import { extractDueDate, resolveDate } from './dates';

export type Intent =
  | { [N in ChatToolName]: { tool: N; args: ToolArgs<N> } }[ChatToolName]
  | { tool: 'help' }
  | { tool: 'unknown'; hint?: string };

/** Openers and closers that carry no meaning: "hey, could you please ... for me, thanks". */
const POLITE_START =
  /^(?:(?:hey|hi|hello|ok|okay|so|and|also|now|then|please|pls|kindly|can you|could you|would you|will you|go ahead and|i want you to|i'd like you to|i would like you to|help me)\b[\s,]*)+/i;
const POLITE_END = /(?:[\s,]+(?:please|pls|for me|thanks|thank you|thx|now))+$/i;

const DONE_WORDS = '(?:done|complete|completed|finished|checked off|ticked off)';
const DELETE_VERBS =
  '(?:delete|remove|erase|trash|discard|drop|cancel|get rid of|throw away|throw out|forget about|scratch|bin)';
const PRIORITY_WORD = '(high|highest|top|urgent|medium|normal|regular|low|lowest)';

const HELP =
  /^(?:hi|hello|hey|help|what can you do|how does this work|what do you do|who are you)\b[\s?!.]*$/i;

const DELETE_COMPLETED = [
  new RegExp(
    `^(?:${DELETE_VERBS}|clear|clear out|clean up|clean out|purge|wipe|archive)\\s+(?:all\\s+|every\\s+|each\\s+|of\\s+)*(?:the\\s+|my\\s+)?${DONE_WORDS}(?:\\s+(?:tasks?|todos?|to-dos?|items?|ones?|stuff|things))?$`,
    'i',
  ),
  new RegExp(
    `^(?:${DELETE_VERBS}|clear|clear out|clean up|purge|wipe)\\s+(?:everything|all|all tasks|all the tasks|all of the tasks|the tasks|tasks|the ones|ones|whatever)\\s+(?:that\\s+(?:are|is|were)\\s+|that's\\s+|i(?:'ve| have)\\s+(?:already\\s+)?|already\\s+)?${DONE_WORDS}$`,
    'i',
  ),
];

const COMPLETE = [
  new RegExp(`^(?:mark|set|flag)\\s+(.+?)\\s+(?:as\\s+)?${DONE_WORDS}$`, 'i'),
  /^(?:tick|check|cross|strike)\s+off\s+(.+)$/i,
  /^(?:tick|check|cross|strike)\s+(.+?)\s+off$/i,
  /^(?:complete|finish|close|resolve|wrap up)\s+(.+)$/i,
  /^(?:i(?:'ve| have|'m| am)?\s+)?(?:just\s+|already\s+)?(?:finished|completed|done with|did|wrapped up|took care of)\s+(.+)$/i,
  new RegExp(`^(.+?)\\s+(?:is|are)\\s+(?:now\\s+|all\\s+)?${DONE_WORDS}$`, 'i'),
  /^done(?:\s*[:-]\s*|\s+with\s+|\s+)(.+)$/i,
];

const REOPEN = [
  /^(?:reopen|re-open|uncheck|untick|unfinish|undo|restore)\s+(.+)$/i,
  /^(?:mark|set)\s+(.+?)\s+(?:as\s+)?(?:not done|undone|incomplete|not complete|not completed|unfinished|active|pending|open|to do|todo)$/i,
  /^(.+?)\s+is\s+not\s+(?:done|finished|complete|completed)(?:\s+yet)?$/i,
];

const DELETE = [new RegExp(`^${DELETE_VERBS}\\s+(.+)$`, 'i')];

const LIST_START =
  /^(?:show|list|display|view|see|get|give|tell|read|print|fetch|what|what's|whats|which|any|do i have|how many|my|all|check)\b/i;
const LIST_NOUNS =
  /\b(?:tasks?|todos?|to-dos?|to do|list|plate|agenda|left|pending|remaining|outstanding|everything|finished|completed|done|open|do i have|should i do|next)\b/i;
const SEARCH = [
  /^(?:find|search(?:\s+for)?|look\s+(?:for|up))\s+(?:(?:my\s+|the\s+)?(?:tasks?|todos?)\s+(?:about|with|for|containing|mentioning|called|named|titled)\s+)?(.+)$/i,
  /\b(?:about|containing|mentioning|matching|related to|regarding|titled|called|named|that (?:mentions?|contains?|includes?))\s+(.+)$/i,
];

const TASK_NOUN =
  '(?:\\s+(?:me\\s+)?(?:a|an|another|one more|the)?\\s*(?:new\\s+)?(?:task|todo|to-do|to do|item|reminder|entry)s?\\b)?(?:\\s*(?:to|for|called|named|titled|that says|saying|about)\\b|\\s*[:-])?\\s*(.*)$';
/** Openers that always mean "add": checked before anything else could claim the sentence. */
const ADD_CLEARLY = [
  new RegExp(`^(?:add|create|new|jot down|note down|write down|put down|put)\\b${TASK_NOUN}`, 'i'),
  /^(?:remind me to|remind me that i need to|remember to|don't forget to|dont forget to|do not forget to|i need to|i have to|i must|i should|i gotta|i've got to|need to|have to|todo|to-do|task)\b\s*:?\s*(.+)$/i,
];
/** Verbs that also start other requests ("make X high priority"): tried last. */
const ADD_MAYBE = [
  new RegExp(
    `^(?:make|schedule|set up|log|record|enter|note|track|plan|insert|i want to|must)\\b${TASK_NOUN}`,
    'i',
  ),
];
/** What is left of "add a high-priority task to X" once the priority is taken out. */
const LEADING_TASK_NOUN =
  /^\s*(?:a|an|another|one more|the)?\s*(?:new\s+)?(?:task|todo|to-do|item|reminder|entry)s?\b\s*(?:to|for|called|named|titled|about|:|-)?\s*/i;
const LIST_SUFFIX =
  /\s+(?:to|on|onto|in|into|for)\s+(?:my|the)\s+(?:list|tasks|task list|todo list|to-do list|to do list|todos|board)$/i;

const PRIORITY_IN_TEXT: Array<[RegExp, Priority]> = [
  [
    /(?:^|[\s,])(?:with\s+|as\s+)?(?:a\s+)?(?:high|highest|top|urgent|critical)[- ]priority\b/i,
    'high',
  ],
  [/(?:^|[\s,])(?:with\s+|as\s+)?(?:a\s+)?(?:low|lowest|minor)[- ]priority\b/i, 'low'],
  [
    /(?:^|[\s,])(?:with\s+|as\s+)?(?:a\s+)?(?:medium|normal|regular|moderate)[- ]priority\b/i,
    'medium',
  ],
  [/(?:^|[\s,])priority:?\s+(?:high|urgent)\b/i, 'high'],
  [/(?:^|[\s,])priority:?\s+low\b/i, 'low'],
  [/(?:^|[\s,])priority:?\s+(?:medium|normal)\b/i, 'medium'],
  [/(?:^|[\s,])(?:urgent(?:ly)?|asap|important|critical)\b/i, 'high'],
  [/(?:^|[\s,])(?:whenever|someday|no rush|not urgent|eventually)\b/i, 'low'],
];

function priorityWord(word: string): Priority {
  const lower = word.toLowerCase();
  if (['high', 'highest', 'top', 'urgent', 'important'].includes(lower)) return 'high';
  if (['low', 'lowest'].includes(lower)) return 'low';
  return 'medium';
}

/** "the Kubernetes task" → "Kubernetes"; quotes and the words around a name go. */
export function cleanReference(text: string): string {
  const quoted = /["“'‘]([^"”'’]+)["”'’]/.exec(text);
  const core = quoted ? quoted[1] : text;
  return core
    .replace(/^(?:the|my|a|an|that|this)\s+/i, '')
    .replace(/^(?:task|todo|to-do|item)s?\s+(?:called|named|titled|about|to|for)?\s*/i, '')
    .replace(/\s+(?:task|todo|to-do|item|one)$/i, '')
    .replace(/[\s.!?,;:]+$/, '')
    .trim();
}

/** A task title as a person would write it: the quoted part if any, trimmed, capitalised. */
function cleanTitle(text: string): string {
  const quoted = /["“]([^"”]+)["”]|(?:^|\s)'([^']+)'(?:\s|$)/.exec(text);
  const core = (quoted ? (quoted[1] ?? quoted[2]) : text).replace(LIST_SUFFIX, '');
  const trimmed = core
    .replace(LEADING_TASK_NOUN, '')
    .replace(/^(?:to|that|for|about)\s+/i, '')
    .replace(/[\s.!?,;:-]+$/, '')
    .replace(/^[\s:-]+/, '')
    .trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

function firstMatch(patterns: RegExp[], text: string): RegExpExecArray | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match;
  }
  return undefined;
}

function parseDescription(text: string): Intent | undefined {
  const match =
    /^(?:add|set|change|update|write)\s+(?:a\s+|the\s+)?(?:note|description|details?|comment)\s+(?:to|of|for|on)\s+(.+?)(?:\s*:\s*|\s+to\s+|\s+saying\s+)(.+)$/i.exec(
      text,
    ) ?? /^describe\s+(.+?)\s+as\s+(.+)$/i.exec(text);
  return match
    ? {
        tool: 'update_task',
        args: { task: cleanReference(match[1]), description: match[2].trim() },
      }
    : undefined;
}

function parseUpdate(text: string, now: Date): Intent | undefined {
  let match =
    /^(?:remove|clear|delete|drop|unset)\s+(?:the\s+)?(?:due date|deadline|date)\s+(?:of|from|for|on)\s+(.+)$/i.exec(
      text,
    );
  if (match)
    return { tool: 'update_task', args: { task: cleanReference(match[1]), dueDate: null } };

  match = new RegExp(
    `^(?:set|change|make|update|put)\\s+(?:the\\s+)?priority\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|at|as)\\s+${PRIORITY_WORD}$`,
    'i',
  ).exec(text);
  if (match)
    return {
      tool: 'update_task',
      args: { task: cleanReference(match[1]), priority: priorityWord(match[2]) },
    };
  match = new RegExp(
    `^(?:change|set|update)\\s+(?:the\\s+)?(.+?)(?:'s)?\\s+priority\\s+to\\s+${PRIORITY_WORD}$`,
    'i',
  ).exec(text);
  if (match)
    return {
      tool: 'update_task',
      args: { task: cleanReference(match[1]), priority: priorityWord(match[2]) },
    };
  match = new RegExp(
    `^(?:make|mark|set|flag|give)\\s+(.+?)\\s+(?:as\\s+|to\\s+)?(?:a\\s+)?${PRIORITY_WORD}(?:[- ]priority)$`,
    'i',
  ).exec(text);
  if (match)
    return {
      tool: 'update_task',
      args: { task: cleanReference(match[1]), priority: priorityWord(match[2]) },
    };
  match = /^(?:make|mark|flag)\s+(.+?)\s+(?:as\s+)?(urgent|important)$/i.exec(text);
  if (match)
    return { tool: 'update_task', args: { task: cleanReference(match[1]), priority: 'high' } };
  match = /^(.+?)\s+is\s+(?:now\s+)?(?:(urgent|important)|(high|low|medium)[- ]priority)$/i.exec(
    text,
  );
  if (match)
    return {
      tool: 'update_task',
      args: { task: cleanReference(match[1]), priority: priorityWord(match[2] ?? match[3]) },
    };
  match = /^(de-?)?prioriti[sz]e\s+(.+)$/i.exec(text);
  if (match)
    return {
      tool: 'update_task',
      args: { task: cleanReference(match[2]), priority: match[1] ? 'low' : 'high' },
    };

  const dueChange = [
    /^(?:move|postpone|push(?:\s+back)?|reschedule|delay|defer|shift|bump)\s+(.+?)\s+(?:to|until|till|for|on)\s+(.+)$/i,
    /^(?:set|change|update|make)\s+(?:the\s+)?(?:due date|deadline)\s+(?:of|for|on)\s+(.+?)\s+to\s+(.+)$/i,
    /^(?:set|change|update)\s+(?:the\s+)?(.+?)(?:'s)?\s+(?:due date|deadline)\s+to\s+(.+)$/i,
    /^(.+?)\s+is\s+(?:now\s+)?due\s+(?:on\s+|by\s+)?(.+)$/i,
    /^make\s+(.+?)\s+due\s+(?:on\s+|by\s+)?(.+)$/i,
  ];
  for (const pattern of dueChange) {
    match = pattern.exec(text);
    const dueDate = match && resolveDate(match[2], now);
    if (match && dueDate)
      return { tool: 'update_task', args: { task: cleanReference(match[1]), dueDate } };
  }

  match =
    /^(?:rename|retitle)\s+(.+?)\s+(?:to|as|into)\s+(.+)$/i.exec(text) ??
    /^change\s+(?:the\s+)?(?:title|name)\s+of\s+(.+?)\s+to\s+(.+)$/i.exec(text) ??
    /^change\s+(.+?)\s+(?:to|into)\s+(.+)$/i.exec(text);
  if (match)
    return {
      tool: 'update_task',
      args: { task: cleanReference(match[1]), title: cleanTitle(match[2]) },
    };

  const reopen = firstMatch(REOPEN, text);
  if (reopen)
    return { tool: 'update_task', args: { task: cleanReference(reopen[1]), completed: false } };
  return undefined;
}

function parseList(text: string): Intent | undefined {
  const search = firstMatch(SEARCH, text);
  const isList = LIST_START.test(text) && LIST_NOUNS.test(text);
  const isFind = /^(?:find|search|look)\b/i.test(text);
  if (!isList && !isFind) return undefined;
  const args: { status?: TaskStatus; search?: string } = {};
  if (
    new RegExp(`\\b(?:${DONE_WORDS}|closed)\\b`, 'i').test(text) &&
    !/\bnot\s+(?:done|completed|finished)\b/i.test(text)
  ) {
    args.status = 'completed';
  } else if (
    /\b(?:active|open|pending|remaining|left|outstanding|incomplete|unfinished|not done|not completed|not finished|still|have to do|need to do|to do next)\b/i.test(
      text,
    )
  ) {
    args.status = 'active';
  }
  if (search) {
    const term = cleanReference(search[1]).replace(/\?$/, '');
    if (term) args.search = term;
  }
  return { tool: 'list_tasks', args };
}

function parseAdd(text: string, now: Date, patterns: RegExp[]): Intent | undefined {
  const match = firstMatch(patterns, text);
  if (!match) return undefined;
  let rest = match[1] ?? '';
  let priority: Priority | undefined;
  for (const [pattern, value] of PRIORITY_IN_TEXT) {
    if (pattern.test(rest)) {
      priority = value;
      rest = rest.replace(pattern, ' ');
      break;
    }
  }
  const { dueDate, rest: withoutDate } = extractDueDate(rest.replace(LIST_SUFFIX, ''), now);
  const title = cleanTitle(withoutDate);
  if (!title)
    return {
      tool: 'unknown',
      hint: 'What should the new task be called? For example: "Add a task to demo Kubernetes".',
    };
  return {
    tool: 'add_task',
    args: { title, ...(priority && { priority }), ...(dueDate && { dueDate }) },
  };
}

/**
 * Reads one request in plain English and says which tool it asks for, with its arguments.
 * Deterministic: the same words (and the same `now`) give the same intent.
 */
export function parseIntent(message: string, now: Date): Intent {
  const raw = message.trim().replace(/\s+/g, ' ');
  if (HELP.test(raw)) return { tool: 'help' };
  const text = raw
    .replace(POLITE_START, '')
    .replace(/[\s.!]+$/, '')
    .replace(POLITE_END, '')
    .trim();
  if (!text) return { tool: 'help' };

  if (firstMatch(DELETE_COMPLETED, text)) return { tool: 'delete_completed_tasks', args: {} };
  const early =
    parseDescription(text) ?? parseAdd(text, now, ADD_CLEARLY) ?? parseUpdate(text, now);
  if (early) return early;
  const complete = firstMatch(COMPLETE, text);
  if (complete) return { tool: 'complete_task', args: { task: cleanReference(complete[1]) } };
  const remove = firstMatch(DELETE, text);
  if (remove) return { tool: 'delete_task', args: { task: cleanReference(remove[1]) } };
  return parseList(text) ?? parseAdd(text, now, ADD_MAYBE) ?? { tool: 'unknown' };
}
