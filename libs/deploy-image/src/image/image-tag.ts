import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProjectGraphAsync,
  workspaceRoot as nxWorkspaceRoot,
  type NxJsonConfiguration,
} from '@nx/devkit';
import type { ImageKey } from '@pakaura/contract';
import { contentTag, imageContentHash, type ImageInputs } from './content-hash';
import { resolveImageInputs, type GraphLike } from './image-inputs';

export interface ImageTag {
  /** `4.0.0-<hash>`. */
  tag: string;
  hash: string;
  inputs: ImageInputs;
  files: string[];
}

export interface ImageTagOptions {
  workspaceRoot?: string;
  /** The Nx project graph; created when not given (the executor passes its own). */
  graph?: GraphLike;
  nxJson?: Pick<NxJsonConfiguration, 'namedInputs'>;
  /** Overrides the Dockerfile's `NODE_IMAGE` default. */
  baseImage?: string;
  dockerfile?: string;
}

/**
 * The content tag of `app`'s image as it would be built from the workspace right now. The image
 * executor tags with it, and the CLI and the deploy step compare against it: one function.
 */
export async function imageTag(app: ImageKey, options: ImageTagOptions = {}): Promise<ImageTag> {
  const workspaceRoot = options.workspaceRoot ?? nxWorkspaceRoot;
  const graph = options.graph ?? (await createProjectGraphAsync({ exitOnError: false }));
  const nxJson =
    options.nxJson ??
    (JSON.parse(readFileSync(join(workspaceRoot, 'nx.json'), 'utf8')) as NxJsonConfiguration);
  const inputs = resolveImageInputs({
    workspaceRoot,
    graph,
    nxJson,
    app,
    baseImage: options.baseImage,
    dockerfile: options.dockerfile,
  });
  const { hash, files } = imageContentHash(inputs);
  return { tag: contentTag(hash), hash, inputs, files };
}
