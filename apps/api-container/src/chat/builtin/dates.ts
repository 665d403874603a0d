import { addDays, isCalendarDate, toIsoDate } from '../calendar';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_ALIASES: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
};
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const WEEKDAY = `(?:${WEEKDAYS.join('|')}|${Object.keys(WEEKDAY_ALIASES).join('|')})`;
const MONTH = `(?:${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`;
const COUNT = `(?:\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
const ORDINAL = '(?:st|nd|rd|th)?';

/** Phrases that name a day on their own ("tomorrow") or only after a connective ("on Friday"). */
const STANDALONE = `today|tonight|this evening|tomorrow|tmrw|the day after tomorrow|day after tomorrow|next week|next month|in ${COUNT} (?:days?|weeks?)`;
const AFTER_CONNECTIVE = `(?:this |next )?${WEEKDAY}|\\d{4}-\\d{2}-\\d{2}|${MONTH}\\.? \\d{1,2}${ORDINAL}(?:,? \\d{4})?|\\d{1,2}${ORDINAL} (?:of )?${MONTH}(?:,? \\d{4})?|end of (?:the )?(?:week|month)`;
const CONNECTIVE =
  "(?:(?:(?:it'?s |is )?due|deadline)(?: on| by| for)?|by|on|before|until|till|for)";

const DATE_IN_TEXT = new RegExp(
  `(?:^|[\\s,])(?:(?:${CONNECTIVE} )?(${STANDALONE})|${CONNECTIVE} (${AFTER_CONNECTIVE})|((?:this |next )${WEEKDAY}))(?=$|[\\s,.!?])(?!')`,
  'i',
);

/** The date a phrase names, relative to `now` (UTC); undefined when it names none. */
export function resolveDate(phrase: string, now: Date): string | undefined {
  const text = phrase
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(?:the |on |by )/, '');
  if (/^(today|tonight|this evening)$/.test(text)) return toIsoDate(now);
  if (/^(tomorrow|tmrw)$/.test(text)) return toIsoDate(addDays(now, 1));
  if (/^(?:the )?day after tomorrow$/.test(text)) return toIsoDate(addDays(now, 2));
  if (text === 'next week') return toIsoDate(addDays(now, 7));
  if (text === 'next month')
    return toIsoDate(
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate())),
    );
  if (text === 'end of week' || text === 'end of the week')
    return toIsoDate(addDays(now, (7 - now.getUTCDay()) % 7));
  if (text === 'end of month' || text === 'end of the month') {
    return toIsoDate(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)));
  }
  const inCount = new RegExp(`^in (${COUNT}) (days?|weeks?)$`).exec(text);
  if (inCount) {
    const count = NUMBER_WORDS[inCount[1]] ?? Number(inCount[1]);
    return toIsoDate(addDays(now, inCount[2].startsWith('week') ? count * 7 : count));
  }
  const weekday = new RegExp(`^(?:this |next )?(${WEEKDAY})$`).exec(text);
  if (weekday) {
    const target = weekdayIndex(weekday[1]);
    const ahead = (target - now.getUTCDay() + 7) % 7 || 7;
    return toIsoDate(addDays(now, ahead));
  }
  if (isCalendarDate(text)) return text;
  return monthDay(text, now);
}

function weekdayIndex(word: string): number {
  const full = WEEKDAYS.indexOf(word);
  return full >= 0 ? full : WEEKDAY_ALIASES[word];
}

/** "March 5", "5th of March 2031": this year's, or next year's once it has passed. */
function monthDay(text: string, now: Date): string | undefined {
  const monthFirst = new RegExp(`^(${MONTH})\\.? (\\d{1,2})${ORDINAL}(?:,? (\\d{4}))?$`).exec(text);
  const dayFirst = new RegExp(`^(\\d{1,2})${ORDINAL} (?:of )?(${MONTH})(?:,? (\\d{4}))?$`).exec(
    text,
  );
  const parts = monthFirst
    ? { month: monthFirst[1], day: monthFirst[2], year: monthFirst[3] }
    : dayFirst
      ? { month: dayFirst[2], day: dayFirst[1], year: dayFirst[3] }
      : undefined;
  if (!parts) return undefined;
  const month = MONTHS.findIndex((name) => name.startsWith(parts.month.slice(0, 3)));
  const day = Number(parts.day);
  let year = parts.year ? Number(parts.year) : now.getUTCFullYear();
  const iso = (y: number) =>
    `${y}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!parts.year && iso(year) < toIsoDate(now)) year += 1;
  return isCalendarDate(iso(year)) ? iso(year) : undefined;
}

/**
 * Finds a due date in free text ("call the bank tomorrow", "renew passport by March 5") and
 * returns it with the text minus the date phrase.
 */
export function extractDueDate(text: string, now: Date): { dueDate?: string; rest: string } {
  const match = DATE_IN_TEXT.exec(text);
  if (!match) return { rest: text };
  const dueDate = resolveDate(match[1] ?? match[2] ?? match[3], now);
  if (!dueDate) return { rest: text };
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  return {
    dueDate,
    rest: rest
      .replace(/\s+/g, ' ')
      .replace(/[\s,]+$/, '')
      .trim(),
  };
}
