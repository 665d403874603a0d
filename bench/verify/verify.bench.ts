/**
 * Times `verify` against the fake Pakaura cluster (libs/deploy-kube/test/fake-kube): the safe
 * suite end to end, and the full suite's own overhead, i.e. its duration minus the waits it
 * measures (pods turning Ready after a deletion). Rerun:
 *
 *   npx vitest run --config bench/verify/vitest.config.mts
 *
 * (BENCH_RUNS=10 for more runs; default 5.) Results print as a Markdown table.
 */
import { runVerify, type VerifyReport } from '../../libs/deploy-verify/src/verify';
import { PakauraCluster } from '../../libs/deploy-kube/test/fake-kube';
import { expect, it } from 'vitest';

const runs = Number(process.env['BENCH_RUNS'] ?? 5);

async function timed(safe: boolean): Promise<VerifyReport> {
  const cluster = await PakauraCluster.start();
  try {
    const report = await runVerify({ ...cluster.verifyOptions(), safe });
    if (!report.passed) {
      const failed = report.checks.filter((c) => c.status === 'failed');
      throw new Error(
        `verify failed on the healthy fake: ${failed.map((c) => `${c.name}: ${c.message}`).join('; ')}`,
      );
    }
    return report;
  } finally {
    await cluster.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

it('measures verify --safe and the full suite overhead on the fake cluster', async () => {
  await timed(true);
  const safe: VerifyReport[] = [];
  const full: VerifyReport[] = [];
  for (let i = 0; i < runs; i += 1) {
    safe.push(await timed(true));
    full.push(await timed(false));
  }
  const perCheck = full[0].checks.map((check) => ({
    name: check.name,
    ms: median(full.map((r) => r.checks.find((c) => c.name === check.name)?.durationMs ?? 0)),
  }));
  console.log(`verify on the fake cluster, ${runs} runs each (median, worst):`);
  console.log(`| measure | median | worst | target |`);
  console.log(`|---|---|---|---|`);
  const row = (label: string, values: number[], target: string) =>
    console.log(
      `| ${label} | ${seconds(median(values))} s | ${seconds(Math.max(...values))} s | ${target} |`,
    );
  row(
    '`verify --safe`, whole suite',
    safe.map((r) => r.durationMs),
    '< 10 s',
  );
  row(
    'full suite, whole',
    full.map((r) => r.durationMs),
    '-',
  );
  row(
    'full suite, waits measured',
    full.map((r) => r.durationMs - r.overheadMs),
    '-',
  );
  row(
    'full suite, own overhead',
    full.map((r) => r.overheadMs),
    '< 5 s',
  );
  console.log(
    `\nper check (full suite, median ms): ${perCheck.map((c) => `${c.name} ${c.ms}`).join(', ')}`,
  );
  expect(median(safe.map((r) => r.durationMs)), 'verify --safe median').toBeLessThan(10_000);
  expect(median(full.map((r) => r.overheadMs)), 'full suite overhead median').toBeLessThan(5_000);
});
