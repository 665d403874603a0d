import type { ImageKey } from '@pakaura/contract';
import type { ImageRecord } from '@pakaura/deploy-image';

export type ImageTarget = ImageRecord['target'];

/** Options of the `image` executor, as written in project.json or on the command line. */
export interface ImageExecutorSchema {
  app: ImageKey;
  target?: ImageTarget;
  registry?: string;
  nodeImage?: string;
  dockerfile?: string;
  context?: string;
  network?: string;
  minikubeProfile?: string;
  kindCluster?: string;
  docker?: string;
}
