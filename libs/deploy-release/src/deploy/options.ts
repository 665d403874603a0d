import type { ImageKey } from '@pakaura/contract';
import type { ClusterTarget } from '@pakaura/deploy-kube/cluster';
import type { StuckPolicy } from './stuck-states';

/** Everything a deploy needs, fully defaulted (the executor's normalizeOptions builds it). */
export interface DeployOptions {
  workspaceRoot: string;
  /** Absolute path of the chart directory. */
  chartDir: string;
  release: string;
  namespace: string;
  kubeconfig?: string;
  /** A context named by the person: used as is, even when it is not a local cluster. */
  context?: string;
  /** The local cluster of the graph; its own context is used when none is named. */
  cluster?: ClusterTarget;
  /** Absolute paths of extra values files, applied in order. */
  valuesFiles: string[];
  /** Extra `--set key=value` pairs, applied after the image values. */
  set: Record<string, string>;
  /** Images whose records (dist/images/<app>.json) set the chart's image values. */
  apps: ImageKey[];
  /** helm's --timeout, e.g. `5m`. */
  timeout: string;
  /** Roll back (or uninstall a first install) when the release does not become ready. */
  atomic: boolean;
  /** Upgrade even when the release already has this digest. */
  force: boolean;
  /**
   * Helm 4 applies server-side: fields someone changed with another tool (`kubectl scale`) are
   * theirs until told otherwise. true passes `--force-conflicts`, so the chart's values win.
   */
  forceConflicts?: boolean;
  /** Watch the pods while helm waits and stop at the first pod that cannot start. */
  failFast: boolean;
  /** The helm program (a path, or a name on PATH). */
  helm: string;
  /** How long states that can clear on their own may last (default DEFAULT_STUCK_POLICY). */
  stuckPolicy?: StuckPolicy;
}
