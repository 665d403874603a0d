/** Verbs task titles start with: "buy milk and call mom" is two tasks, "salt and pepper" one. */
const VERBS = new Set(
  `ask apply back bake book bring buy call cancel change charge check clean collect confirm contact cook
  cut deploy deposit do donate drop email empty feed file fill finish fix follow get give go grab hang
  hire install invite iron learn mail make meet message migrate mop mow move order organize pack paint
  pay pick plan post practice prepare print read recycle refactor refill register remember renew rent
  repair replace reply research reserve return review ring run schedule sell send sign sort start study
  submit sweep take talk test text thank tidy transfer trim update upload vacuum visit walk wash watch
  water wrap write`.split(/\s+/),
);

/** Past forms that do not end in -ed. */
const IRREGULAR: Record<string, string> = {
  bought: 'buy',
  paid: 'pay',
  sent: 'send',
  wrote: 'write',
  did: 'do',
  made: 'make',
  took: 'take',
  went: 'go',
  got: 'get',
  brought: 'bring',
  gave: 'give',
  met: 'meet',
  sold: 'sell',
  fed: 'feed',
  hung: 'hang',
  swept: 'sweep',
  rang: 'ring',
  ran: 'run',
  read: 'read',
  cut: 'cut',
};

export function startsWithVerb(text: string): boolean {
  const first = /^[a-z]+/i.exec(text.trim())?.[0]?.toLowerCase();
  return first !== undefined && VERBS.has(first);
}

/** The present form of a past-tense task verb: "called" → "call", "emptied" → "empty". */
function presentOf(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower] && lower !== 'read') return IRREGULAR[lower];
  if (!lower.endsWith('ed')) return undefined;
  const stems = [
    lower.slice(0, -2),
    lower.slice(0, -1),
    lower.endsWith('ied') ? `${lower.slice(0, -3)}y` : '',
    /(.)\1ed$/.test(lower) ? lower.slice(0, -3) : '',
  ];
  return stems.find((stem) => stem && VERBS.has(stem));
}

/**
 * "called mom" → "call mom", "paid the rent" → "pay the rent": the task a past-tense report of
 * doing it names; undefined when the sentence does not start with a task verb in the past.
 */
export function pastTenseTask(sentence: string): string | undefined {
  const match = /^([a-z]+)\s+(.+)$/i.exec(sentence.trim());
  if (!match) return undefined;
  const present = presentOf(match[1]);
  return present ? `${present} ${match[2]}` : undefined;
}
