import { CHAT_ADD_LIMIT, type ChatToolName, type Priority } from '@pakaura/contract';
import type { ToolArgs } from '../tools';
import { extractDueDate, resolveDate } from './dates';
import { DONE_WORDS, parseBulkReference, parseFilter } from './filters';
import { correctFirstWord, normalize } from './normalize';
import { pastTenseTask, startsWithVerb } from './verbs';

export type ToolIntent = { [N in ChatToolName]: { tool: N; args: ToolArgs<N> } }[ChatToolName];

/**
 * What one request asks for. `each` is a reference that may name one task ("salt and pepper") or
 * several ("the groceries and the laundry"): the whole is tried first, then each part.
 */
export type Intent =
  | ToolIntent
  | { tool: 'each'; whole: ToolIntent; parts: ToolIntent[] }
  | { tool: 'help' }
  | { tool: 'unknown'; hint?: string };

/** Openers and closers that carry no meaning: "hey, could you please ... for me, thanks". */
const POLITE_START =
  /^(?:(?:hey|hi|hello|ok|okay|so|and|also|now|then|please|pls|kindly|can you|could you|would you|will you|go ahead and|i want you to|i'd like you to|i would like you to|help me|oh|oops|actually|btw|lol)\b[\s,]*)+/i;
const POLITE_END = /(?:[\s,]+(?:please|pls|for me|thanks|thank you|thx|now|asap thanks|lol|ty))+$/i;

const DELETE_VERBS =
  '(?:delete|remove|erase|trash|discard|drop|cancel|get rid of|throw away|throw out|forget about|forget|scratch|bin|nuke|ditch|kill)';
const PRIORITY_WORD = '(high|highest|top|urgent|medium|normal|regular|low|lowest)';

const HELP =
  /^(?:hi|hello|hey|help|what can you do|how does this work|what do you do|who are you|\?+)\b[\s?!.]*$/i;

const DELETE_COMPLETED = [
  new RegExp(
    `^(?:${DELETE_VERBS}|clear|clear out|clean up|clean out|purge|wipe|archive)\\s+(?:all\\s+|every\\s+|each\\s+|of\\s+)*(?:the\\s+|my\\s+)?${DONE_WORDS}(?:\\s+(?:tasks?|todos?|to-dos?|items?|ones?|stuff|things))?$`,
    'i',
  ),
  new RegExp(
    `^(?:${DELETE_VERBS}|clear|clear out|clean up|purge|wipe)\\s+(?:everything|all|all tasks|all the tasks|all of the tasks|the tasks|tasks|the ones|ones|whatever|those|the stuff|stuff)\\s+(?:that\\s+(?:are|is|were)\\s+|that's\\s+|i(?:'ve| have)?\\s+(?:already\\s+)?|already\\s+)?(?:${DONE_WORDS}|did)$`,
    'i',
  ),
];

const COMPLETE = [
  new RegExp(`^(?:mark|set|flag)\\s+(.+?)\\s+(?:as\\s+)?${DONE_WORDS}$`, 'i'),
  /^(?:tick|check|cross|strike)\s+off\s+(.+)$/i,
  /^(?:tick|check|cross|strike)\s+(.+?)\s+off$/i,
  /^(?:complete|finish|close|resolve|wrap up)\s+(.+)$/i,
  /^(?:i(?:'ve| have|'m| am)?\s+)?(?:just\s+|already\s+|finally\s+)?(?:finished|completed|done with|did|wrapped up|took care of|got through|knocked out|handled|sorted)\s+(.+)$/i,
  new RegExp(
    `^(.+?)\\s+(?:is|are|was|were)\\s+(?:now\\s+|all\\s+|finally\\s+)?${DONE_WORDS}$`,
    'i',
  ),
  /^done(?:\s*[:-]\s*|\s+with\s+|\s+)(.+)$/i,
  new RegExp(`^(.+?)\\s*[:-]?\\s+${DONE_WORDS}$`, 'i'),
];

const REOPEN = [
  /^(?:reopen|re-open|uncheck|untick|unfinish|undo|restore|uncomplete|un-complete)\s+(.+)$/i,
  /^(?:mark|set)\s+(.+?)\s+(?:as\s+)?(?:not done|undone|incomplete|not complete|not completed|unfinished|active|pending|open|to do|todo|not finished)$/i,
  /^(.+?)\s+(?:is|are|was|were)(?:n't|\s+not)\s+(?:done|finished|complete|completed)(?:\s+(?:yet|after all))?$/i,
  /^i\s+(?:didn't|did not|haven't|have not)\s+(?:finish|finished|complete|completed|do|done)\s+(.+?)(?:\s+(?:yet|after all))?$/i,
];

const DELETE = [new RegExp(`^${DELETE_VERBS}\\s+(.+)$`, 'i')];

const LIST_START =
  /^(?:show|list|display|view|see|get|give|tell|read|print|fetch|what|what's|whats|what is|what are|which|any|anything|do i have|is there|are there|my|all|check|open|pending|completed|finished|overdue|urgent|high|low|tasks?|todos?)\b/i;
const LIST_NOUNS =
  /\b(?:tasks?|todos?|to-dos?|to do|list|plate|agenda|left|pending|remaining|outstanding|everything|finished|completed|done|open|do i have|should i do|next|overdue|due|late|urgent|priority|stuff|items?|did i (?:finish|complete|do|get done))\b/i;
const SEARCH = [
  /^(?:find|search(?:\s+for)?|look\s+(?:for|up))\s+(?:(?:my\s+|the\s+)?(?:tasks?|todos?)\s+(?:about|with|for|containing|mentioning|called|named|titled)\s+)?(.+)$/i,
  /\b(?:about|containing|mentioning|matching|related to|regarding|titled|called|named|that (?:mentions?|contains?|includes?))\s+(.+)$/i,
];
const COUNT =
  /^(?:how\s+many|count|number\s+of|what(?:'s|\s+is)\s+the\s+(?:count|number)|summar(?:y|ise|ize)|give\s+me\s+(?:a\s+)?(?:summary|overview|rundown|status)|(?:an?\s+)?(?:overview|rundown|status(?:\s+update|\s+report)?)|how\s+am\s+i\s+doing|how\s+(?:many|much)\s+(?:is|do)\s+i\s+have\s+left|stats)\b/i;

const TASK_NOUN =
  '(?:\\s+(?:me\\s+)?(?:a|an|another|one more|the|some|these|two|three|few)?\\s*(?:new\\s+)?(?:task|todo|to-do|to do|item|reminder|entry)s?\\b)?(?:\\s*(?:to|for|called|named|titled|that says|saying|about)\\b|\\s*[:-])?\\s*(.*)$';
/** Openers that always mean "add": checked before anything else could claim the sentence. */
const ADD_CLEARLY = [
  new RegExp(
    `^(?:add|create|new|jot down|note down|write down|put down|put|pls add)\\b${TASK_NOUN}`,
    'i',
  ),
  /^(?:remind me to|remind me that i need to|remind me|remember to|don't forget to|do not forget to|i need to|i have to|i must|i should|i gotta|gotta|i've got to|need to|have to|todo|to-do|task)\b\s*:?\s*(.+)$/i,
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
  [/(?:^|[\s,])(?:urgent(?:ly)?|important|critical)\b/i, 'high'],
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
    .replace(/\s+(?:task|todo|to-do|item|one|thing|stuff)$/i, '')
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

/** "groceries and the laundry" → ["groceries", "laundry"]; one part when there is no list. */
function referenceParts(reference: string): string[] {
  if (/["“']/.test(reference)) return [reference];
  return reference
    .split(/\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&|plus|as well as)\s+/i)
    .map(cleanReference)
    .filter(Boolean);
}

/** One tool per named task: the whole reference first, each listed part as the fallback. */
function onEach(reference: string, make: (task: string) => ToolIntent): Intent {
  const whole = make(cleanReference(reference));
  const parts = referenceParts(reference);
  return parts.length > 1 ? { tool: 'each', whole, parts: parts.map(make) } : whole;
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

/** A priority change: one task, or every task a bulk reference selects. */
function priorityChange(reference: string, priority: Priority, now: Date): Intent {
  const bulk = parseBulkReference(reference, now);
  if (bulk) return { tool: 'update_tasks', args: { where: bulk, set: { priority } } };
  return onEach(reference, (task) => ({ tool: 'update_task', args: { task, priority } }));
}

function dueChange(reference: string, dueDate: string | null, now: Date): Intent {
  const bulk = parseBulkReference(reference, now);
  if (bulk) return { tool: 'update_tasks', args: { where: bulk, set: { dueDate } } };
  return onEach(reference, (task) => ({ tool: 'update_task', args: { task, dueDate } }));
}

function parseUpdate(text: string, now: Date): Intent | undefined {
  let match =
    /^(?:remove|clear|delete|drop|unset)\s+(?:the\s+)?(?:due date|deadline|date)\s+(?:of|from|for|on)\s+(.+)$/i.exec(
      text,
    );
  if (match) return dueChange(match[1], null, now);

  match = new RegExp(
    `^(?:set|change|make|update|put)\\s+(?:the\\s+)?priority\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|at|as)\\s+${PRIORITY_WORD}$`,
    'i',
  ).exec(text);
  if (match) return priorityChange(match[1], priorityWord(match[2]), now);
  match = new RegExp(
    `^(?:change|set|update)\\s+(?:the\\s+)?(.+?)(?:'s)?\\s+priority\\s+to\\s+${PRIORITY_WORD}$`,
    'i',
  ).exec(text);
  if (match) return priorityChange(match[1], priorityWord(match[2]), now);
  match = new RegExp(
    `^(?:make|mark|set|flag|give|bump|raise|lower|drop)\\s+(.+?)\\s+(?:as\\s+|to\\s+)?(?:a\\s+)?${PRIORITY_WORD}(?:[- ]?(?:priority|prio))$`,
    'i',
  ).exec(text);
  if (match) return priorityChange(match[1], priorityWord(match[2]), now);
  match = /^(?:make|mark|flag)\s+(.+?)\s+(?:as\s+)?(urgent|important)$/i.exec(text);
  if (match) return priorityChange(match[1], 'high', now);
  match =
    /^(.+?)\s+(?:is|are)\s+(?:now\s+|really\s+|super\s+)?(?:(urgent|important)|(high|low|medium)[- ]priority)$/i.exec(
      text,
    );
  if (match) return priorityChange(match[1], priorityWord(match[2] ?? match[3]), now);
  match = /^(de-?)?prioriti[sz]e\s+(.+)$/i.exec(text);
  if (match) return priorityChange(match[2], match[1] ? 'low' : 'high', now);

  const dueChanges = [
    /^(?:set|change|update|make)\s+(?:the\s+)?(?:due date|deadline|date)\s+(?:of|for|on)\s+(.+?)\s+(?:to|as)\s+(.+)$/i,
    /^(?:set|change|update)\s+(?:the\s+)?(.+?)(?:'s)?\s+(?:due date|deadline|date)\s+to\s+(.+)$/i,
    /^(.+?)\s+(?:is|are)\s+(?:now\s+|actually\s+)?due\s+(?:on\s+|by\s+)?(.+)$/i,
    /^(?:move|postpone|push(?:\s+back)?|reschedule|delay|defer|shift|bump|put\s+off|change)\s+(.+?)\s+(?:to|until|till|til|for|on|by)\s+(.+)$/i,
    /^(?:make|have|set)\s+(.+?)\s+due\s+(?:on\s+|by\s+)?(.+)$/i,
    /^(?:do|move|push|schedule)\s+(.+?)\s+((?:next|this)\s+\w+|tomorrow|today|tonight|in\s+.+)$/i,
  ];
  for (const pattern of dueChanges) {
    match = pattern.exec(text);
    const dueDate = match && resolveDate(match[2], now);
    if (match && dueDate) return dueChange(match[1], dueDate, now);
  }

  match =
    /^(?:rename|retitle)\s+(.+?)\s+(?:to|as|into)\s+(.+)$/i.exec(text) ??
    /^change\s+(?:the\s+)?(?:title|name)\s+of\s+(.+?)\s+to\s+(.+)$/i.exec(text) ??
    /^change\s+(.+?)\s+(?:to|into)\s+(.+)$/i.exec(text) ??
    /^(?:call|name)\s+(.+?)\s+(?:instead|from now on)$/i.exec(text);
  if (match && match[2])
    return {
      tool: 'update_task',
      args: { task: cleanReference(match[1]), title: cleanTitle(match[2]) },
    };

  const reopen = firstMatch(REOPEN, text);
  if (reopen) {
    const bulk = parseBulkReference(reopen[1], now);
    if (bulk)
      return {
        tool: 'update_tasks',
        args: { where: { ...bulk, status: bulk.status ?? 'completed' }, set: { completed: false } },
      };
    return onEach(reopen[1], (task) => ({ tool: 'update_task', args: { task, completed: false } }));
  }
  return undefined;
}

function parseComplete(text: string, now: Date): Intent | undefined {
  if (
    /^(?:i(?:'m| am)\s+)?(?:all\s+)?(?:done|finished)\s+(?:with\s+)?(?:everything|all(?:\s+of\s+(?:them|it))?)$/i.test(
      text,
    ) ||
    /^(?:everything|all(?:\s+of\s+(?:them|it|my\s+tasks))?|all\s+(?:my\s+)?tasks)\s+(?:is|are)\s+(?:done|finished|complete|completed)$/i.test(
      text,
    )
  )
    return {
      tool: 'update_tasks',
      args: { where: { status: 'active' }, set: { completed: true } },
    };
  // "list completed", "show finished ones": a listing, not a completion.
  if (/^(?:show|list|display|view|print|what|which|how|any)\b/i.test(text)) return undefined;
  const match = firstMatch(COMPLETE, text);
  if (!match) return undefined;
  const bulk = parseBulkReference(match[1], now);
  if (bulk)
    return {
      tool: 'update_tasks',
      args: { where: { ...bulk, status: 'active' }, set: { completed: true } },
    };
  return onEach(match[1], (task) => ({ tool: 'complete_task', args: { task } }));
}

function parseDelete(text: string, now: Date): Intent | undefined {
  if (firstMatch(DELETE_COMPLETED, text)) return { tool: 'delete_completed_tasks', args: {} };
  const match = firstMatch(DELETE, text);
  if (!match) return undefined;
  const bulk = parseBulkReference(match[1], now);
  if (bulk) {
    return bulk.status === 'completed' && Object.keys(bulk).length === 1
      ? { tool: 'delete_completed_tasks', args: {} }
      : { tool: 'delete_tasks', args: { where: bulk } };
  }
  return onEach(match[1], (task) => ({ tool: 'delete_task', args: { task } }));
}

function parseCount(text: string, now: Date): Intent | undefined {
  if (!COUNT.test(text)) return undefined;
  const { dueTo, ...filter } = parseFilter(text, now);
  const args: ToolArgs<'count_tasks'> = { ...filter, ...(dueTo && { dueTo }) };
  return { tool: 'count_tasks', args };
}

function parseList(text: string, now: Date): Intent | undefined {
  const search = firstMatch(SEARCH, text);
  const isList = LIST_START.test(text) && LIST_NOUNS.test(text);
  const isFind = /^(?:find|search|look)\b/i.test(text);
  if (!isList && !isFind) return undefined;
  const args: ToolArgs<'list_tasks'> = { ...parseFilter(text, now) };
  if (search) {
    const term = cleanReference(search[1]).replace(/\?$/, '');
    if (term) args.search = term;
  }
  return { tool: 'list_tasks', args };
}

/** A title with its own priority and due date: "call mom tomorrow, urgent". */
function addOne(
  text: string,
  now: Date,
): ToolArgs<'add_task'> | { dueDate?: string; priority?: Priority } {
  let rest = text;
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
  return { ...(title && { title }), ...(priority && { priority }), ...(dueDate && { dueDate }) };
}

/**
 * The items of "buy milk, eggs and bread" or "buy milk and call mom": split at commas, and at
 * "and" when a verb follows it ("salt and pepper" stays one task) or the list has commas.
 */
function addItems(text: string): string[] {
  if (/["“]/.test(text)) return [text];
  const commaParts = text.split(
    /\s*[,;]\s*(?:and\s+|then\s+)?|\s+(?:and\s+then|and\s+also|then|also|plus)\s+/i,
  );
  const listed = commaParts.length > 1;
  return commaParts.flatMap((part) =>
    part.split(/\s+(?:and|&)\s+/i).reduce<string[]>((items, piece, index) => {
      if (index > 0 && (listed || startsWithVerb(piece))) items.push(piece);
      else if (index > 0) items[items.length - 1] += ` and ${piece}`;
      else items.push(piece);
      return items;
    }, []),
  );
}

function parseAdd(text: string, now: Date, patterns: RegExp[]): Intent[] | undefined {
  const match = firstMatch(patterns, text);
  if (!match) return undefined;
  const intents: ToolIntent[] = [];
  for (const item of addItems(match[1] ?? '')) {
    const args = addOne(item, now);
    if ('title' in args) intents.push({ tool: 'add_task', args });
    else if (intents.length > 0) {
      // "…, due friday" or "…, urgent": said of the task before it.
      Object.assign(intents[intents.length - 1].args, args);
    }
  }
  if (intents.length === 0)
    return [
      {
        tool: 'unknown',
        hint: 'What should the new task be called? For example: "Add a task to demo Kubernetes".',
      },
    ];
  if (intents.length > CHAT_ADD_LIMIT)
    return [
      {
        tool: 'unknown',
        hint: `That is ${intents.length} tasks: I add at most ${CHAT_ADD_LIMIT} per message. Send the rest in another message.`,
      },
    ];
  return intents;
}

/** "called mom", "paid the rent": the past tense of a task's verb completes that task. */
function parsePastTense(text: string): Intent | undefined {
  const task = pastTenseTask(text.replace(/^(?:i\s+)?(?:just\s+|already\s+|finally\s+)*/i, ''));
  return task
    ? onEach(task, (reference) => ({ tool: 'complete_task', args: { task: reference } }))
    : undefined;
}

/** One sentence: what it asks for (several intents when it adds several tasks). */
function parseSentence(sentence: string, now: Date): Intent[] {
  if (HELP.test(sentence)) return [{ tool: 'help' }];
  const text = correctFirstWord(
    sentence
      .replace(POLITE_START, '')
      .replace(/[\s.!]+$/, '')
      .replace(POLITE_END, '')
      .trim(),
  );
  if (!text) return [{ tool: 'help' }];

  const described = parseDescription(text);
  if (described) return [described];
  const added = parseAdd(text, now, ADD_CLEARLY);
  if (added) return added;
  const intent =
    parseUpdate(text, now) ??
    parseDelete(text, now) ??
    parseComplete(text, now) ??
    parseCount(text, now) ??
    parseList(text, now) ??
    parsePastTense(text);
  if (intent) return [intent];
  return parseAdd(text, now, ADD_MAYBE) ?? [{ tool: 'unknown' }];
}

/** "add milk. and mark the laundry done": one request per sentence. */
function sentences(message: string): string[] {
  return message
    .split(/(?<=[.!?;])\s+(?=[a-z])|\n+/i)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Reads a message in plain English, as people type it (lowercase, typos, past tense, several
 * things at once), and says which tools it asks for, with their arguments, in order.
 * Deterministic: the same words (and the same `now`) give the same intents.
 */
export function parseIntents(message: string, now: Date): Intent[] {
  const text = normalize(message);
  if (!text) return [{ tool: 'help' }];
  const intents = sentences(text).flatMap((sentence) => parseSentence(sentence, now));
  const acting = intents.filter((intent) => intent.tool !== 'unknown' && intent.tool !== 'help');
  // One sentence understood among chatter ("ok. delete the demo"): act on it alone.
  return acting.length > 0 ? acting : intents.slice(0, 1);
}
