import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { splitSecretValues, writeSecretValuesFile } from './secret-values-file';

describe('secret values file', () => {
  it('keeps secret keys apart from the plain --set pairs', () => {
    expect(
      splitSecretValues({
        'secrets.dbPassword': 'p',
        'secrets.cohereApiKey': 'k',
        'api.replicas': '1',
      }),
    ).toEqual({
      secrets: { 'secrets.dbPassword': 'p', 'secrets.cohereApiKey': 'k' },
      plain: { 'api.replicas': '1' },
    });
  });

  it('writes the values nested, as strings, in a file only its owner can read, and removes it', () => {
    const file = writeSecretValuesFile({
      'secrets.dbPassword': '0123',
      'secrets.jwtSecret': 'a,b',
    });
    try {
      expect(statSync(file.path).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(file.path)).mode & 0o777).toBe(0o700);
      expect(parse(readFileSync(file.path, 'utf8'))).toEqual({
        secrets: { dbPassword: '0123', jwtSecret: 'a,b' },
      });
    } finally {
      file.dispose();
    }
    expect(existsSync(dirname(file.path))).toBe(false);
  });
});
