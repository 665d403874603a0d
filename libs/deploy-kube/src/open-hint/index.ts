/**
 * How a person opens the app, in one place and without imports: the deploy executor prints it
 * on its "up to date" path, which must not load @kubernetes/client-node (a second of CPU).
 */

/** The one way the docs, NOTES.txt, `setup` and the deploy tell a person to open the app. */
export const OPEN_APP_COMMAND = 'npx pakaura open';

/** The last line of a successful deploy or setup. */
export const OPEN_APP_HINT = `Open the app: ${OPEN_APP_COMMAND} (a URL that works on this machine, through the Ingress or a port-forward)`;
