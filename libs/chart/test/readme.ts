import { POLICY_RULES } from '@pakaura/deploy-validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CHART_DIR } from './chart';

/** One `## @param path description` line of values.yaml (readme-generator-for-helm format). */
export interface Param {
  path: string;
  description: string;
}

export function readParams(valuesYaml: string): Param[] {
  return [...valuesYaml.matchAll(/^## @param (\S+) (.+)$/gm)].map((m) => ({
    path: m[1],
    description: m[2].trim(),
  }));
}

function at(values: unknown, path: string): { found: boolean; value?: unknown } {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !(key in current))
      return { found: false };
    current = (current as Record<string, unknown>)[key];
  }
  return { found: true, value: current };
}

/**
 * Keys of values.yaml nobody documented (a documented key covers everything below it), and
 * @param lines naming keys that do not exist.
 */
export function undocumented(valuesYaml: string): { missing: string[]; stale: string[] } {
  const values = parse(valuesYaml) as Record<string, unknown>;
  const documented = new Set(readParams(valuesYaml).map((p) => p.path));
  const missing: string[] = [];
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (documented.has(path)) continue;
      const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
      if (isObject && Object.keys(value).length > 0) walk(value as Record<string, unknown>, path);
      else missing.push(path);
    }
  };
  walk(values, '');
  const stale = [...documented].filter((path) => !at(values, path).found);
  return { missing, stale };
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The README's parameters table: every @param with its default from values.yaml. */
export function paramsTable(valuesYaml: string): string {
  const values = parse(valuesYaml) as Record<string, unknown>;
  const rows = readParams(valuesYaml).map(({ path, description }) => {
    const value = JSON.stringify(at(values, path).value);
    return `| \`${path}\` | ${cell(description)} | \`${cell(value ?? '')}\` |`;
  });
  return ['| Name | Description | Default |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README's policy table: every rule id people can name in an exemption. */
export function rulesTable(): string {
  const rows = POLICY_RULES.map((r) => `| \`${r.id}\` | ${cell(r.description)} |`);
  return ['| Rule | What it requires |', '| --- | --- |', ...rows].join('\n');
}

/** README.md with the generated sections between their markers replaced by fresh ones. */
export function regeneratedReadme(readme: string): string {
  const valuesYaml = readFileSync(join(CHART_DIR, 'values.yaml'), 'utf8');
  return replaceSection(
    replaceSection(readme, 'parameters', paramsTable(valuesYaml)),
    'policy-rules',
    rulesTable(),
  );
}

function replaceSection(text: string, name: string, body: string): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} section`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}
