import type { Task } from '@pakaura/contract';

/** Words that say nothing about which task is meant ("the", "task", "my"...). */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'your',
  'this',
  'that',
  'these',
  'those',
  'one',
  'ones',
  'task',
  'tasks',
  'todo',
  'todos',
  'item',
  'items',
  'entry',
  'thing',
  'things',
  'stuff',
  'and',
  'called',
  'named',
  'titled',
  'about',
  'for',
  'of',
  'with',
  'to',
  'on',
  'in',
  'please',
  'it',
  'its',
]);

/** Lower case, no accents, no punctuation, a plural `s` dropped: "Kubernetes'" → "kubernete". */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !FILLER.has(word))
    .map((word) =>
      word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
}

/** Edits (insert, delete, replace, swap two neighbours) between two words: "chrat" → "chart" is 1. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

/** How well one word of the request matches one word of a title, 0 to 1; typos tolerated. */
function wordSimilarity(wanted: string, word: string): number {
  if (wanted === word) return 1;
  if (wanted.length >= 3 && word.startsWith(wanted)) return 0.9;
  if (word.length >= 4 && wanted.startsWith(word)) return 0.85;
  const allowed = wanted.length >= 8 ? 2 : wanted.length >= 4 ? 1 : 0;
  if (allowed === 0 || Math.abs(wanted.length - word.length) > allowed) return 0;
  const distance = editDistance(wanted, word);
  return distance <= allowed ? 1 - distance / Math.max(wanted.length, word.length) : 0;
}

/**
 * Score of `title` for the words a person used to name it: mostly how many of their words it
 * contains (typos and prefixes allowed), a little how much of the title they covered.
 */
export function matchScore(reference: string, title: string): number {
  const wanted = words(reference);
  const have = words(title);
  if (wanted.length === 0 || have.length === 0) return 0;
  if (wanted.join(' ') === have.join(' ')) return 1.2;
  // Each pair once: a 200-character title has some 35 words.
  const similarity = wanted.map((w) => have.map((h) => wordSimilarity(w, h)));
  const best = similarity.map((row) => Math.max(...row));
  if (best.some((score) => score === 0) && wanted.length <= 2) return 0;
  const found = best.reduce((sum, score) => sum + score, 0) / wanted.length;
  const covered = have.filter((_, j) => similarity.some((row) => row[j] > 0)).length / have.length;
  return found + 0.1 * covered;
}

const MIN_SCORE = 0.6;
/** Two candidates closer than this are both plausible: ask instead of guessing. */
const TIE_MARGIN = 0.05;

export type TaskMatch =
  { kind: 'one'; task: Task } | { kind: 'none' } | { kind: 'several'; tasks: Task[] };

/** Finds the task a person means by `reference`: its id, its exact title, or words from it. */
export function findTask(reference: string, tasks: Task[]): TaskMatch {
  const trimmed = reference.trim();
  const byId = tasks.find((task) => task.id === trimmed);
  if (byId) return { kind: 'one', task: byId };
  const exact = tasks.filter((task) => task.title.trim().toLowerCase() === trimmed.toLowerCase());
  if (exact.length === 1) return { kind: 'one', task: exact[0] };

  const scored = tasks
    .map((task) => ({ task, score: matchScore(trimmed, task.title) }))
    .filter(({ score }) => score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return { kind: 'none' };
  const close = scored.filter(({ score }) => score >= scored[0].score - TIE_MARGIN);
  return close.length === 1
    ? { kind: 'one', task: close[0].task }
    : { kind: 'several', tasks: close.map((c) => c.task) };
}
