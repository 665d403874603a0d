'use strict';
/**
 * Preloaded (NODE_OPTIONS=--require) into every Node process of one benchmark run: on exit each
 * appends its own CPU time and script to $PAKAURA_BENCH_CPU_LOG, so measure.ts can say where a
 * warm run's CPU goes (Nx itself, its plugin workers, the task processes, the fake tools).
 */
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  const line = { cpuMs: Math.round((user + system) / 1000), script: process.argv[1] ?? '' };
  appendFileSync(process.env.PAKAURA_BENCH_CPU_LOG, `${JSON.stringify(line)}\n`);
});
