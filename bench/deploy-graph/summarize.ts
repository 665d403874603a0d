/** Median, min and max of a benchmark's samples, rounded to hundredths. */
export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Number(n.toFixed(2));
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    runs: samples.length,
    median: round(median),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}
