import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyReport } from '../types';
import { toJUnit } from './junit';

/** Writes `report.json` and `junit.xml` into `dir`; returns their paths. */
export function writeReports(dir: string, report: VerifyReport): { json: string; junit: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'report.json');
  const junit = join(dir, 'junit.xml');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(junit, toJUnit(report));
  return { json, junit };
}
