import { describe, expect, it } from 'vitest';
import { extractDueDate, resolveDate } from '../../src/chat/builtin/dates';
import { isCalendarDate } from '../../src/chat/calendar';

/** Wednesday 9 January 2030. */
const NOW = new Date('2030-01-09T23:30:00Z');

describe('resolveDate', () => {
  it.each([
    ['today', '2030-01-09'],
    ['tonight', '2030-01-09'],
    ['tomorrow', '2030-01-10'],
    ['day after tomorrow', '2030-01-11'],
    ['next week', '2030-01-16'],
    ['in 3 days', '2030-01-12'],
    ['in two weeks', '2030-01-23'],
    ['friday', '2030-01-11'],
    ['next Monday', '2030-01-14'],
    ['wednesday', '2030-01-16'],
    ['thurs', '2030-01-10'],
    ['2030-02-28', '2030-02-28'],
    ['March 5', '2030-03-05'],
    ['5th of March 2031', '2031-03-05'],
    ['Jan 2', '2031-01-02'],
    ['end of the month', '2030-01-31'],
    ['end of the week', '2030-01-13'],
    ['the 15th', '2030-01-15'],
    ['on the 3rd', '2030-02-03'],
    ['next friday', '2030-01-18'],
    ['this friday', '2030-01-11'],
    ['in a week', '2030-01-16'],
    ['dec 25th', '2030-12-25'],
    ['by eod', '2030-01-09'],
  ])('reads %j as %s', (phrase, date) => {
    expect(resolveDate(phrase, NOW)).toBe(date);
  });

  it.each(['2030-02-30', 'February 30', 'someday', 'at 5pm', 'the dentist on friday'])(
    'finds no date in %j',
    (phrase) => {
      expect(resolveDate(phrase, NOW)).toBeUndefined();
    },
  );
});

describe('extractDueDate', () => {
  it.each([
    ['call the bank tomorrow', 'call the bank', '2030-01-10'],
    ['renew passport by March 5', 'renew passport', '2030-03-05'],
    ['pay rent on friday', 'pay rent', '2030-01-11'],
    ['ship it, due 2030-06-01', 'ship it', '2030-06-01'],
    ['pay rent on the 1st', 'pay rent', '2030-02-01'],
    ['renew passport by march 5th', 'renew passport', '2030-03-05'],
    ['email sam in 3 days', 'email sam', '2030-01-12'],
    ['dentist next tuesday', 'dentist', '2030-01-15'],
    ['call mom tmrw', 'call mom', '2030-01-10'],
    ['book flights before the 20th', 'book flights', '2030-01-20'],
  ])('takes the date out of %j', (text, rest, dueDate) => {
    expect(extractDueDate(text, NOW)).toEqual({ rest, dueDate });
  });

  it.each([
    'prepare Monday meeting notes',
    "write tomorrow's talk",
    'buy gift for mom',
    'call mom at 5',
    'read 1984',
  ])('leaves %j alone', (text) => {
    expect(extractDueDate(text, NOW)).toEqual({ rest: text });
  });
});

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2030-02-29')).toBe(false);
    expect(isCalendarDate('2030-13-01')).toBe(false);
    expect(isCalendarDate('30-01-2030')).toBe(false);
  });
});
