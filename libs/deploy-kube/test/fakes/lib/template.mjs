/**
 * Enough of Go's text/template for the `--format`/`--template` arguments Pakaura passes:
 * `{{.A.B}}`, `{{json .A}}`, `{{index .A "key"}}` and `{{.}}`.
 */
export function renderTemplate(template, data) {
  return template.replace(/\{\{\s*(.*?)\s*\}\}/g, (_, expression) => {
    const [head, ...rest] = expression.split(/\s+/);
    if (head === 'json') return JSON.stringify(lookup(data, rest[0]) ?? null);
    if (head === 'index') {
      const value = lookup(data, rest[0]);
      const key = JSON.parse(rest.slice(1).join(' '));
      return stringifyValue(value?.[key]);
    }
    return stringifyValue(lookup(data, head));
  });
}

function lookup(data, path) {
  if (path === '.') return data;
  return path
    .split('.')
    .filter(Boolean)
    .reduce((value, key) => (value == null ? undefined : value[key]), data);
}

function stringifyValue(value) {
  if (value === undefined || value === null) return '<no value>';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
