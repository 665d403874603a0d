import type { CheckName } from '@pakaura/deploy-verify';
import type { VerifyCommandOptions } from '@pakaura/deploy-verify/options';

/**
 * Options of the `verify` executor, as written in project.json or on the command line: the
 * options `pakaura verify` takes (durations in seconds), with the values schema.json allows.
 */
export interface VerifyExecutorSchema extends Omit<VerifyCommandOptions, 'checks' | 'provider'> {
  checks?: CheckName[];
  provider?: 'minikube' | 'kind';
}
