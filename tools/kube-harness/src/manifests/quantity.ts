/** Kubernetes resource quantities: CPU in millicores, memory in bytes. */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12, m: 1e-3 };

/** `500m` → 500, `1` → 1000, `0.25` → 250. */
export function milliCpu(quantity: string | number): number {
  const text = String(quantity).trim();
  const value = text.endsWith('m') ? Number(text.slice(0, -1)) : Number(text) * 1000;
  if (!Number.isFinite(value) || value < 0) throw new Error(`Not a CPU quantity: ${quantity}`);
  return Math.round(value);
}

/** `512Mi` → 536870912, `1G` → 1e9, `128974848` → 128974848. */
export function bytes(quantity: string | number): number {
  const match = /^([0-9.]+)([KMGT]i|[kMGTm])?$/.exec(String(quantity).trim());
  if (!match) throw new Error(`Not a memory quantity: ${quantity}`);
  const [, number, suffix] = match;
  const factor = suffix ? (BINARY[suffix] ?? DECIMAL[suffix]) : 1;
  return Math.round(Number(number) * factor);
}
