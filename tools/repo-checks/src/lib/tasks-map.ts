/**
 * Reading docs/TASKS.md, the map from the task list (T001–T053) to this workspace: its tables by
 * section, and the claims its cells make (paths, Nx targets, commands, graph edges).
 */

/** The rows of the first table under `## <heading>`, cells trimmed, `\|` read as `|`. */
export function tableRows(markdown: string, heading: string): string[][] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`docs/TASKS.md has no "## ${heading}" section`);
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  return lines.slice(2).map((line) =>
    line
      .trim()
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.replace(/\\\|/g, '|').trim()),
  );
}

/** The text of each `code span` of a cell. */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

const TOP_FOLDERS = /^(apps|libs|tools|scripts|docs|bench|\.ci)\//;

/** A code span naming a workspace path (and not a command or a glob). */
export function isPath(span: string): boolean {
  return TOP_FOLDERS.test(span) && !/\s|\*|\.\.\./.test(span);
}

/** A code span naming an Nx task, `project:target`. */
export function isTarget(span: string): boolean {
  return /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/.test(span);
}

export type Runs = 'offline' | 'API server' | 'image lane' | 'cluster' | 'tools';

export interface Checkpoint {
  task: string;
  taskListCommand: string;
  command: string;
  runs: Runs;
  expect: string;
}

const RUNS: readonly Runs[] = ['offline', 'API server', 'image lane', 'cluster', 'tools'];

export function checkpoints(markdown: string): Checkpoint[] {
  return tableRows(markdown, 'Checkpoint commands').map(([task, listed, here, runs, expect]) => {
    if (!RUNS.includes(runs as Runs))
      throw new Error(`${task}: "${runs}" is not one of ${RUNS.join(', ')}`);
    const [command] = codeSpans(here);
    return { task, taskListCommand: listed, command: command ?? '', runs: runs as Runs, expect };
  });
}

/** Why an output does not meet a checkpoint's expectation, or undefined when it does. */
export function unmet(expect: string, output: string): string | undefined {
  const prints = /^prints `(.+)`$/.exec(expect);
  if (prints) return output.includes(prints[1]) ? undefined : `does not print "${prints[1]}"`;
  const lines = /^≥ (\d+) lines$/.exec(expect);
  if (lines) {
    const count = output.split('\n').filter((line) => line.trim()).length;
    return count >= Number(lines[1]) ? undefined : `prints ${count} lines, not ${lines[1]} or more`;
  }
  const compare = /^([=>]) (\d+)$/.exec(expect);
  if (compare) {
    const value = Number(output.trim());
    const ok = compare[1] === '=' ? value === Number(compare[2]) : value > Number(compare[2]);
    return ok ? undefined : `prints ${output.trim()}, expected ${expect}`;
  }
  return `unknown expectation "${expect}" (use: prints \`text\`, ≥ N lines, = N, > N)`;
}

export interface EdgeClaim {
  from: string[];
  to: string[];
  present: boolean;
}

/** `a`, `b` → `c`; `d` ↛ `e`: the graph edges one cell claims, present (→) or absent (↛). */
export function edgeClaims(cell: string): EdgeClaim[] {
  return cell.split(';').flatMap((part) => {
    const match = /^(.*?)(→|↛)(.*)$/.exec(part);
    if (!match) return [];
    return [{ from: codeSpans(match[1]), to: codeSpans(match[3]), present: match[2] === '→' }];
  });
}
