import { CHECK_NAMES, REPORT_DIR } from '@pakaura/deploy-verify/options';
import type { Command } from '../command';
import { KUBE_OPTIONS } from '../kube-options';

export const verify: Command = {
  name: 'verify',
  summary:
    'Prove the deployment works: pods, health, frontend, secrets, release, chatbot, self-healing, persistence',
  usage: 'pakaura verify [--safe] [--checks <a,b>] [--context <name>] [-n <namespace>]',
  description: `Runs the checks of seed tasks T045-T052 against the release and prints one row per check with its duration and evidence; writes ${REPORT_DIR}/report.json and junit.xml. self-healing deletes an API pod and persistence deletes postgresql-0: --safe skips both. Exits 1 when a check fails, naming it and why.`,
  options: {
    ...KUBE_OPTIONS,
    safe: {
      type: 'boolean',
      description: 'Skip the checks that delete pods (self-healing, persistence).',
    },
    checks: {
      type: 'string',
      valueName: 'a,b',
      description: `Run only these checks, comma-separated: ${CHECK_NAMES.join(', ')}.`,
    },
    'ingress-port': {
      type: 'string',
      valueName: 'port',
      description: 'Port the ingress controller answers on at the Ingress address (default: 80).',
    },
    'ingress-host': {
      type: 'string',
      valueName: 'address',
      description:
        'Reach the Ingress at this address instead of the one in its status (e.g. 127.0.0.1 while `minikube tunnel` runs on macOS).',
    },
    'ingress-timeout': {
      type: 'string',
      valueName: 'seconds',
      description: 'Seconds to wait for the Ingress to get its address (default: 90).',
    },
    'replacement-timeout': {
      type: 'string',
      valueName: 'seconds',
      description: 'Seconds a replacement API pod has to become Ready (default: 60).',
    },
    'database-restart-timeout': {
      type: 'string',
      valueName: 'seconds',
      description:
        'Seconds PostgreSQL has to come back after persistence deletes its pod (default: 120).',
    },
    'report-dir': {
      type: 'string',
      valueName: 'dir',
      description: `Where report.json and junit.xml go (default: ${REPORT_DIR} in the workspace; a relative path is under the workspace).`,
    },
  },
  async run(options, positionals, context) {
    const { verifyCommand } = await import('./verify.action');
    return verifyCommand(options, positionals, context);
  },
};
