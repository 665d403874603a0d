import pc from 'picocolors';

export type Paint = ReturnType<typeof pc.createColors>;

export function paint(color: boolean): Paint {
  return pc.createColors(color);
}

/**
 * Rows as aligned columns (the first row is the header). Colour is applied per cell after the
 * padding is computed on the plain text, so colours never break the alignment.
 */
export function table(
  rows: readonly (readonly string[])[],
  colorCell: (row: number, column: number, text: string) => string = (_r, _c, text) => text,
): string[] {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row, r) =>
    row
      .map((cell, c) => colorCell(r, c, c === row.length - 1 ? cell : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

/** `5m`, `2h`, `3d`: a Kubernetes-style age. */
export function age(since: Date | string | undefined, now = Date.now()): string {
  if (!since) return '-';
  const seconds = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
