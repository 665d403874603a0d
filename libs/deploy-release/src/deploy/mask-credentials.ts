/** Hides the password of a `scheme://user:password@host` URL, whoever printed it. */
export function maskCredentials(line: string): string {
  return line.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:)[^@\s]+@/gi, '$1***@');
}
