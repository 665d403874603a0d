import { run } from '@pakaura/deploy-kube/process';
import {
  helmTargetArgs,
  PENDING_STATES,
  readReleaseHistory,
  readReleaseState,
  type ReleaseRef,
  type ReleaseState,
} from './release-state';

/** A pending revision younger than this may belong to a deploy that still runs. */
const STILL_RUNNING_MARGIN_MS = 60_000;

export class PendingReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PendingReleaseError';
  }
}

/**
 * A deploy killed while helm waited leaves the release `pending-install`, `pending-upgrade` or
 * `pending-rollback`, and helm then refuses every upgrade ("another operation
 * (install/upgrade/rollback) is in progress"). When the pending revision is older than the
 * deploy timeout (its helm cannot still be running), this recovers: a pending install is
 * uninstalled (`helm rollback` has nothing to go back to; the Secret and the PostgreSQL volume
 * are kept), a pending upgrade or rollback is rolled back to the last deployed revision. A
 * younger one is refused with the exact command for its state. Returns the state to deploy from.
 */
export async function recoverPendingRelease(
  ref: ReleaseRef,
  state: ReleaseState | undefined,
  timeoutMs: number,
  info: (line: string) => void,
  now = Date.now(),
): Promise<ReleaseState | undefined> {
  if (!state || !(PENDING_STATES as readonly string[]).includes(state.status)) return state;
  const target = helmTargetArgs(ref).join(' ');
  const history = state.status === 'pending-install' ? [] : await readReleaseHistory(ref);
  const good = [...history]
    .reverse()
    .find((r) => r.revision < state.revision && ['deployed', 'superseded'].includes(r.status));
  const command =
    state.status === 'pending-install' || !good
      ? `helm uninstall ${ref.release} ${target}`
      : `helm rollback ${ref.release} ${good.revision} ${target}`;
  const age = state.lastDeployed ? now - state.lastDeployed.getTime() : Infinity;
  if (age < timeoutMs + STILL_RUNNING_MARGIN_MS) {
    throw new PendingReleaseError(
      `Release ${ref.release} is ${state.status} at revision ${state.revision} since ${Math.round(age / 1000)} s: another deploy may still be running. Wait for it; if it was stopped, run: ${command} and deploy again.`,
    );
  }
  info(
    `Release ${ref.release} was left ${state.status} at revision ${state.revision} by a deploy that stopped ${Math.round(age / 60_000)} min ago; recovering with: ${command}`,
  );
  const args = command.split(' ').slice(1);
  const result = await run(ref.helm, args, { reject: false });
  if (result.exitCode !== 0) {
    throw new PendingReleaseError(
      `Could not recover release ${ref.release} from ${state.status}: ${(result.stderr || result.stdout).trim().split('\n').at(-1)}. Run it yourself: ${command}`,
    );
  }
  return readReleaseState(ref);
}
