/**
 * A small argv parser shared by the fake tools: `--flag=value`, `--flag value` for the flags a
 * tool declares as taking a value, `-x value` short forms mapped to their long names, and booleans
 * for everything else. Positionals keep their order.
 */

/**
 * @param {readonly string[]} argv
 * @param {{ values: readonly string[], aliases?: Record<string, string> }} spec
 * @returns {{ positionals: string[], flags: Map<string, string[]> }}
 */
export function parseArgs(argv, spec) {
  const values = new Set(spec.values);
  const aliases = spec.aliases ?? {};
  const positionals = [];
  const flags = new Map();
  const add = (name, value) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const rawName = eq > 0 ? arg.slice(0, eq) : arg;
    const name = aliases[rawName] ?? rawName.replace(/^-+/, '');
    if (eq > 0) add(name, arg.slice(eq + 1));
    else if (values.has(name) && i + 1 < argv.length) add(name, argv[++i]);
    else add(name, 'true');
  }
  return { positionals, flags };
}

/** The last value of a flag, or `fallback`. */
export function flag(parsed, name, fallback = undefined) {
  const all = parsed.flags.get(name);
  return all ? all[all.length - 1] : fallback;
}

/** Every value a repeated flag was given, in order. */
export function flagAll(parsed, name) {
  return parsed.flags.get(name) ?? [];
}

export function hasFlag(parsed, name) {
  return parsed.flags.has(name) && flag(parsed, name) !== 'false';
}
