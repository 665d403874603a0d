import {
  API_PORT,
  API_ROUTES,
  FRONTEND_HEALTH_PATH,
  FRONTEND_PORT,
} from '@pakaura/contract/browser';
import type { Command } from '../command';
import { KUBE_OPTIONS } from '../kube-options';

/** The health routes `pakaura health` checks, each reached on a ready pod of its component. */
export const HEALTH_CHECKS = [
  { component: 'api', port: API_PORT, path: API_ROUTES.health },
  { component: 'frontend', port: FRONTEND_PORT, path: FRONTEND_HEALTH_PATH },
] as const;

export const health: Command = {
  name: 'health',
  summary: "Check the API's and the frontend's health routes through the cluster",
  usage: 'pakaura health [--context <name>] [-n <namespace>]',
  description: `Opens a port-forward to a ready pod of each component (as kubectl port-forward does) and calls its health route: the API's ${API_ROUTES.health} (answers 200 only when its database answers) and the frontend's ${FRONTEND_HEALTH_PATH}. Exits 1 when one is not healthy.`,
  options: { ...KUBE_OPTIONS },
  async run(options, positionals, context) {
    const { runHealth } = await import('./health.action');
    return runHealth(options, positionals, context);
  },
};
