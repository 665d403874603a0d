import type { ImageKey } from '@pakaura/contract';
import type { ImageRecord } from './record';

/** Where an image goes: the local daemon, minikube's, a kind cluster, or a registry. */
export type ImageTarget = ImageRecord['target'];

/** Everything the image build needs, every default filled in (the `image` executor's normalizer). */
export interface ImageBuildOptions {
  app: ImageKey;
  project: string;
  workspaceRoot: string;
  target: ImageTarget;
  /** `pakaura-api`, or `<registry>/pakaura-api` with target `registry`. */
  repository: string;
  registry?: string;
  /** Overrides the Dockerfile's `NODE_IMAGE` default when set. */
  nodeImage?: string;
  /** Relative to the workspace root, when not the project's own `Dockerfile`. */
  dockerfile?: string;
  /** Absolute. */
  context: string;
  network?: string;
  minikubeProfile: string;
  kindCluster: string;
  docker: string;
}
