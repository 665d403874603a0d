import { editDistance } from '../task-matcher';

/** The words a request starts with; a typo in one of them ("delte", "compelte") is corrected. */
const COMMAND_WORDS = [
  'add',
  'create',
  'delete',
  'remove',
  'complete',
  'completed',
  'finish',
  'finished',
  'mark',
  'show',
  'list',
  'rename',
  'change',
  'move',
  'push',
  'postpone',
  'reschedule',
  'reopen',
  'uncheck',
  'untick',
  'clear',
  'find',
  'search',
  'prioritize',
  'deprioritize',
  'remind',
  'cancel',
  'what',
  'whats',
  'which',
  'how',
  'count',
  'summarize',
  'summary',
  'everything',
  'done',
  'make',
  'clean',
  'check',
  'tick',
  'schedule',
  'update',
];

/** Misspellings of date words too far from the word for a safe automatic correction. */
const SPELLINGS: Record<string, string> = {
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmrow: 'tomorrow',
  tomoz: 'tomorrow',
  '2morrow': 'tomorrow',
  '2moro': 'tomorrow',
  tommorow: 'tomorrow',
  tommorrow: 'tomorrow',
  tomorow: 'tomorrow',
  tomorro: 'tomorrow',
  tonite: 'tonight',
  '2day': 'today',
  hw: 'how',
  wat: 'what',
  taks: 'tasks',
  tsks: 'tasks',
  tasl: 'task',
  tak: 'task',
  tsk: 'task',
  todso: 'todos',
  wks: 'weeks',
  wk: 'week',
  mins: 'minutes',
  hrs: 'hours',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  u: 'you',
  ur: 'your',
  im: "i'm",
  ive: "i've",
  dont: "don't",
  prio: 'priority',
  asap: 'urgent',
  wensday: 'wednesday',
  wednsday: 'wednesday',
  thurday: 'thursday',
  thursay: 'thursday',
  firday: 'friday',
  fridy: 'friday',
  satuday: 'saturday',
  saturady: 'saturday',
  munday: 'monday',
  tuseday: 'tuesday',
  teusday: 'tuesday',
};

/** Allowed edits for a word of this length: none for short words, where a typo is a new word. */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** The command word `word` was meant to be, or `word` itself. */
export function correctCommandWord(word: string): string {
  const lower = word.toLowerCase();
  if (COMMAND_WORDS.includes(lower)) return word;
  const allowed = allowedEdits(lower.length);
  if (allowed === 0) return word;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of COMMAND_WORDS) {
    if (Math.abs(candidate.length - lower.length) > allowed) continue;
    const distance = editDistance(lower, candidate);
    if (distance <= allowed && (!best || distance < best.distance))
      best = { word: candidate, distance };
  }
  return best ? best.word : word;
}

/**
 * A message as the parser reads it: one line of single spaces, straight quotes, shorthand and
 * common misspellings of date words spelt out, and a typo in the first word corrected.
 */
export function normalize(message: string): string {
  const text = message
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  return text.replace(/[A-Za-z0-9_']+/g, (word) => {
    const spelled = SPELLINGS[word.toLowerCase()];
    return spelled ?? word;
  });
}

/** The sentence with a typo in its first word (after any "please", "i") corrected. */
export function correctFirstWord(sentence: string): string {
  return sentence.replace(
    /^((?:(?:please|i|i've|i have|just|already|can you|could you)\s+)*)([A-Za-z]+)/i,
    (_all, lead: string, word: string) => `${lead}${correctCommandWord(word)}`,
  );
}
