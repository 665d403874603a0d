import { K8S_NAMES } from '@pakaura/contract';
import { helmTargetArgs } from '../../deploy';
import {
  deleteNamespace,
  guardContext,
  listVolumeClaims,
  loadKubeConfig,
  namespaceExists,
} from '../../kube';
import { resolveBinary, run } from '../../process';
import type { Command } from '../command';
import { KUBE_OPTIONS, kubeSelection } from '../kube-options';
import { paint } from '../output';

export const destroy: Command = {
  name: 'destroy',
  summary: 'Uninstall the release and delete its namespace (asks first)',
  usage: 'pakaura destroy [--yes] [--keep-data] [--context <name>]',
  description:
    'Uninstalls the Helm release and deletes its namespace, with the PostgreSQL volume in it, after saying exactly that and asking. --keep-data uninstalls the release but keeps the namespace and the PostgreSQL volume claim, so the next deploy finds the data again. Refuses a kube context that is not a local cluster unless it is named with --context. The cluster itself keeps running (stop it with: minikube stop).',
  options: {
    ...KUBE_OPTIONS,
    yes: { type: 'boolean', short: 'y', description: 'Do not ask (for scripts).' },
    'keep-data': { type: 'boolean', description: 'Keep the namespace and the PostgreSQL volume.' },
  },
  async run(options, _positionals, context) {
    const selection = kubeSelection(options);
    const { context: kubeContext } = guardContext(selection, 'destroy');
    const kc = loadKubeConfig({ ...selection, context: kubeContext });
    const c = paint(context.color);
    const keepData = Boolean(options['keep-data']);
    const helm = resolveBinary('helm');
    const target = { ...selection, context: kubeContext };
    const claims = (await namespaceExists(kc, selection.namespace))
      ? (await listVolumeClaims(kc, selection.namespace)).map((pvc) => pvc.metadata?.name ?? '')
      : undefined;
    const volumes =
      claims && claims.length > 0
        ? claims.join(', ')
        : `none (no ${K8S_NAMES.postgresql} volume claim)`;

    const plan = keepData
      ? `uninstall release ${selection.release} in namespace ${selection.namespace} (context ${kubeContext}); the namespace and the PostgreSQL volume (${volumes}) are KEPT`
      : `uninstall release ${selection.release} and DELETE namespace ${selection.namespace} (context ${kubeContext}) with everything in it, including the PostgreSQL volume (${volumes}): its data is lost`;
    context.out(`This will ${plan}.`);
    if (!options['yes']) {
      if (!context.interactive) {
        context.err('destroy needs a confirmation: rerun with --yes to confirm from a script.');
        return 2;
      }
      if (!(await context.confirm('Continue?'))) {
        context.out('Nothing was changed.');
        return 1;
      }
    }

    const uninstall = await run(
      helm,
      ['uninstall', selection.release, ...helmTargetArgs(target), '--wait'],
      {
        reject: false,
        hint: 'Is the cluster running? Run: nx run local-cluster:cluster',
      },
    );
    if (uninstall.exitCode === 0) context.out(c.green(`Release ${selection.release} uninstalled.`));
    else if (/not found/.test(uninstall.stderr)) {
      context.out(`Release ${selection.release} was not installed; nothing to uninstall.`);
    } else {
      context.err(`helm uninstall failed: ${uninstall.stderr.trim().split('\n').at(-1)}`);
      return 1;
    }
    if (keepData) {
      context.out(
        claims && claims.length > 0
          ? `Kept namespace ${selection.namespace} and the PostgreSQL volume ${claims.join(', ')}: the next deploy reuses its data.`
          : `Kept namespace ${selection.namespace}; it has no PostgreSQL volume.`,
      );
      return 0;
    }
    if (claims === undefined) {
      context.out(`Namespace ${selection.namespace} does not exist; nothing more to delete.`);
      return 0;
    }
    await deleteNamespace(kc, selection.namespace);
    context.out(
      c.green(
        `Namespace ${selection.namespace} is being deleted${claims.length > 0 ? `, with the PostgreSQL volume ${claims.join(', ')} (data deleted)` : ''}.`,
      ),
    );
    return 0;
  },
};
