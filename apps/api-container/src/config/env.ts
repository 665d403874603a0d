import type { ApiEnvName } from '@pakaura/contract';

/** The process environment as the API sees it: only the names the contract lists. */
export type Env = Partial<Record<ApiEnvName, string>>;

/** A configuration problem; its message is the one line printed before the process stops. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Kubernetes renders optional secrets as empty strings: treat blank as unset. */
export function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function parseInteger(
  name: ApiEnvName,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = present(raw);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return parsed;
}

export function parseNumber(
  name: ApiEnvName,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = present(raw);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be a number from ${min} to ${max} (got "${value}")`);
  }
  return parsed;
}

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

export function parseBoolean(
  name: ApiEnvName,
  raw: string | undefined,
  fallback: boolean,
): boolean {
  const value = present(raw)?.toLowerCase();
  if (value === undefined) return fallback;
  if (TRUE_WORDS.includes(value)) return true;
  if (FALSE_WORDS.includes(value)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

export function parseChoice<T extends string>(
  name: ApiEnvName,
  raw: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  const value = present(raw);
  if (value === undefined) return fallback;
  const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
  if (!match)
    throw new ConfigError(`${name} must be one of ${choices.join(', ')} (got "${value}")`);
  return match;
}

export function parseUrl(name: ApiEnvName, raw: string): URL {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below, with the same sentence as a wrong scheme
  }
  throw new ConfigError(`${name} must be an http:// or https:// URL (got "${raw}")`);
}
