/**
 * The Nx projects the deploy code relies on by name. Deploy facts, kept out of the contract the
 * apps import.
 */
import type { ImageKey } from '@pakaura/contract';

/** The Nx project that holds the environment targets (prereqs, cluster, addons). */
export const ENVIRONMENT_PROJECT = 'local-cluster';

/** The Nx project each image is built from (its Dockerfile sits in that project's root). */
export const IMAGE_PROJECTS = {
  api: 'api-container',
  frontend: 'frontend',
} as const satisfies Record<ImageKey, string>;
