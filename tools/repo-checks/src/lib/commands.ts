/** One command line a workflow step or a document asks to run. */
export interface ShellCommand {
  text: string;
  argv: string[];
}

/** Splits shell text into command lines: newlines, `&&`, `;`, and `\` continuations. */
export function commandLines(script: string): ShellCommand[] {
  return script
    .replace(/\\\n\s*/g, ' ')
    .split(/\n|&&|;|\|\|/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((text) => ({ text, argv: words(text) }));
}

/** Shell words: quotes group and disappear, as the shell does (`--base="$X"` is one word). */
function words(text: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  let quote: string | undefined;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current ??= '';
    } else if (/\s/.test(char)) {
      if (current !== undefined) out.push(current);
      current = undefined;
    } else current = (current ?? '') + char;
  }
  if (current !== undefined) out.push(current);
  return out;
}

/** What an `nx` invocation asks for: targets (and projects when it names them). */
export interface NxRequest {
  command: string;
  targets: string[];
  projects: string[];
}

/**
 * Reads `npx nx run p:t`, `npx nx run-many -t a b`, `npx nx affected -t a b`, `npx nx graph` and the
 * short form `npx nx t p`. Returns undefined for a line that is not an nx call.
 */
export function nxRequest(argv: readonly string[]): NxRequest | undefined {
  const start = argv[0] === 'npx' ? 1 : 0;
  if (argv[start] !== 'nx') return undefined;
  const [command, ...rest] = argv.slice(start + 1);
  const flagValues = (names: string[]) => {
    const values: string[] = [];
    for (let i = 0; i < rest.length; i += 1) {
      const [flag, inline] = rest[i].split('=');
      if (!names.includes(flag)) continue;
      if (inline !== undefined) values.push(...inline.split(','));
      else
        for (let j = i + 1; j < rest.length && !rest[j].startsWith('-'); j += 1)
          values.push(rest[j]);
    }
    return values.flatMap((v) => v.split(',')).filter(Boolean);
  };
  if (command === 'run') {
    const [project, target] = (rest[0] ?? '').split(':');
    return { command, targets: [target], projects: [project] };
  }
  if (command === 'run-many' || command === 'affected') {
    return {
      command,
      targets: flagValues(['-t', '--target', '--targets']),
      projects: flagValues(['-p', '--projects']),
    };
  }
  if (['graph', 'show', 'reset', 'report', 'list'].includes(command))
    return { command, targets: [], projects: [] };
  return {
    command: 'run',
    targets: [command],
    projects: rest[0] && !rest[0].startsWith('-') ? [rest[0]] : [],
  };
}
