import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImageRecord, writeImageRecord, type ImageRecord } from './record';

describe('image records', () => {
  it('reads back what the image step wrote', () => {
    const root = mkdtempSync(join(tmpdir(), 'pakaura-record-'));
    const record: ImageRecord = {
      app: 'api',
      repository: 'pakaura-api',
      tag: '4.0.0-0123456789ab',
      contentHash: '0123456789ab',
      target: 'minikube',
    };
    writeImageRecord(root, record);
    expect(readImageRecord(root, 'api')).toEqual(record);
  });

  it('names the target to run when no image was built', () => {
    const root = mkdtempSync(join(tmpdir(), 'pakaura-record-'));
    expect(() => readImageRecord(root, 'frontend')).toThrow(/Run: nx run frontend:image/);
  });
});
