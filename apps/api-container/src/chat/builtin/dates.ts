import { casual, type ParsedResult, type ParsingContext } from 'chrono-node';
import { addDays, isCalendarDate } from '../calendar';

/**
 * chrono-node's casual English parser, taught three forms people use that it leaves out: a bare
 * ordinal day of the month ("on the 15th"), "the day after tomorrow" and "end of (the) week"
 * (through Sunday, as the due windows count weeks), "end of day" / "eod" (today).
 */
const parser = casual.clone();

parser.parsers.push({
  pattern: () =>
    /\b(?:the\s+)(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+(?:the|this)\s+month)?(?!\s+(?:of\s+)?[a-z]{3})/i,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const today = context.refDate;
    const day = Number(match[1]);
    // The next such day: this month's while it is still ahead, otherwise next month's.
    const monthOffset = day >= today.getUTCDate() ? 0 : 1;
    const target = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + monthOffset, 1));
    return {
      day,
      month: target.getUTCMonth() + 1,
      year: target.getUTCFullYear(),
    };
  },
});
parser.parsers.push({
  pattern: () => /\b(?:the\s+)?day\s+after\s+tomorrow\b/i,
  extract: (context: ParsingContext) => components(addDays(context.refDate, 2)),
});
parser.parsers.push({
  pattern: () => /\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week\b/i,
  extract: (context: ParsingContext) =>
    components(addDays(context.refDate, (7 - context.refDate.getUTCDay()) % 7)),
});
parser.parsers.push({
  pattern: () => /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?day|eod|cob)\b/i,
  extract: (context: ParsingContext) => components(context.refDate),
});

function components(date: Date) {
  return { day: date.getUTCDate(), month: date.getUTCMonth() + 1, year: date.getUTCFullYear() };
}

/** Every date chrono finds in `text`, relative to `now` in UTC, always forward in time. */
function parse(text: string, now: Date): ParsedResult[] {
  return parser
    .parse(text, { instant: now, timezone: 'UTC' }, { forwardDate: true })
    .filter((result) => namesADay(result));
}

/** "at 5pm" alone names a time, not a day: it is no due date. */
function namesADay(result: ParsedResult): boolean {
  const known = ['day', 'weekday', 'month', 'year'] as const;
  return known.some((component) => result.start.isCertain(component));
}

function isoDay(result: ParsedResult): string | undefined {
  const iso = [
    String(result.start.get('year')).padStart(4, '0'),
    String(result.start.get('month')).padStart(2, '0'),
    String(result.start.get('day')).padStart(2, '0'),
  ].join('-');
  return isCalendarDate(iso) ? iso : undefined;
}

/** Words around a date that say nothing more: "on", "by", "due", "the", "morning"... */
const AROUND =
  /^(?:(?:it'?s|is|be|are|due|on|by|for|to|until|till|til|before|at|the|in|of|deadline|morning|afternoon|evening|night|sometime|please|then)\b[\s,]*)*$/i;

/**
 * The date a phrase names, relative to `now` (UTC), when the phrase is a date and nothing else
 * ("next Friday", "the 15th", "in 3 days", "March 5"); undefined otherwise.
 */
export function resolveDate(phrase: string, now: Date): string | undefined {
  const text = phrase.trim();
  const [result] = parse(text, now);
  if (!result) return undefined;
  const rest = `${text.slice(0, result.index)} ${text.slice(result.index + result.text.length)}`;
  return AROUND.test(rest.trim()) ? isoDay(result) : undefined;
}

/** Date phrases that stand on their own in a sentence; others need "on", "by", "due"... */
const STANDALONE =
  /^(?:today|tonight|tomorrow|tmrw|tmr|(?:the\s+)?day\s+after\s+tomorrow|(?:this|next)\s+\w+|in\s+(?:a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of)\s+\w+|(?:the\s+)?end\s+of\s+\w+(?:\s+\w+)?|eod)$/i;
const CONNECTIVE =
  /(?:^|[\s,])((?:(?:it'?s\s+|is\s+)?due|deadline)(?:\s+(?:on|by|for|before))?|by|on|before|until|till|til|for)\s*$/i;

/**
 * Finds a due date in free text ("call the bank tomorrow", "renew passport by March 5th",
 * "pay rent on the 1st") and returns it with the text minus the date phrase. A weekday or a
 * month day counts only after "on", "by", "due"... so "prepare Monday meeting notes" keeps its
 * Monday, and "tomorrow's talk" is a title.
 */
export function extractDueDate(text: string, now: Date): { dueDate?: string; rest: string } {
  for (const result of parse(text, now)) {
    const after = text.slice(result.index + result.text.length);
    if (/^'s\b/i.test(after)) continue;
    const before = text.slice(0, result.index);
    const connective = CONNECTIVE.exec(before);
    const phrase = result.text.trim();
    const leadingOn = /^on\s/i.test(phrase);
    if (!connective && !leadingOn && !STANDALONE.test(phrase)) continue;
    const dueDate = isoDay(result);
    if (!dueDate) continue;
    const start = connective ? before.length - connective[0].length : result.index;
    const rest = `${text.slice(0, start)} ${after}`
      .replace(/\s+/g, ' ')
      .replace(/[\s,]+$/, '')
      .replace(/^[\s,]+/, '')
      .trim();
    return { dueDate, rest };
  }
  return { rest: text };
}
