/** `v1.29.0`, `27.3.1`, `v3.16.2+g13654a5`, `1.34.0-beta.0` → [major, minor, patch]; undefined when none. */
export function parseVersion(text: string): [number, number, number] | undefined {
  const match = /v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** True when `found` is at least `minimum` (both parsed with parseVersion). */
export function satisfies(found: string, minimum: string): boolean {
  const a = parseVersion(found);
  const b = parseVersion(minimum);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return a[i] > b[i];
  }
  return true;
}

/** `1.29.0` → `1.29`: how requirements are shown to people. */
export function shortVersion(version: string): string {
  const parsed = parseVersion(version);
  return parsed ? `${parsed[0]}.${parsed[1]}` : version;
}
