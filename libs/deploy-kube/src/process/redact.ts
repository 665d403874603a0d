const MASK = '***';

/**
 * Replaces every occurrence of each secret in `text` with `***`. Secrets shorter than four
 * characters are left alone: masking them would mangle ordinary words without protecting anything.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= 4)
    .sort((a, b) => b.length - a.length)
    .reduce((out, secret) => out.split(secret).join(MASK), text);
}

/** `--set key=value` pairs whose key names a secret keep the key and lose the value. */
const SECRET_KEY = /(password|secret|token|apikey|api_key|credential)/i;

export function redactArgs(
  args: readonly string[],
  secrets: readonly (string | undefined)[] = [],
): string[] {
  return args.map((arg) => {
    const masked = redact(arg, secrets);
    const eq = masked.indexOf('=');
    if (eq > 0 && SECRET_KEY.test(masked.slice(0, eq))) return `${masked.slice(0, eq)}=${MASK}`;
    return masked;
  });
}

/** Hides the password of a `scheme://user:password@host` URL, whoever printed it. */
export function maskCredentials(line: string): string {
  return line.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:)[^@\s]+@/gi, '$1***@');
}
