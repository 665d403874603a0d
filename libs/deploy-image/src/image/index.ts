export { imageRecordPath, readImageRecord, writeImageRecord, type ImageRecord } from './record';
export {
  CONTENT_HASH_LENGTH,
  collectInputFiles,
  contentTag,
  imageContentHash,
  type ContentHash,
  type ImageInputs,
} from './content-hash';
export {
  BASE_IMAGE_ARG,
  baseImageOf,
  dependencyClosure,
  buildInputs,
  resolveImageInputs,
  type GraphLike,
  type ResolveImageInputsOptions,
} from './image-inputs';
export { imageTag, type ImageTag, type ImageTagOptions } from './image-tag';
export {
  builtImages,
  describeRemoval,
  minikubeDockerEnv,
  removeBuiltImages,
  type RemoveImagesOptions,
} from './remove-images';
export { ensureImage, type EnsureImageContext } from './ensure-image';
export type { ImageBuildOptions, ImageTarget } from './build-options';
export { buildArgs, buildFailureCause, CONTENT_HASH_LABEL } from './docker/build-image';
export { parseDockerEnv } from './docker/daemon-env';
export { qualified } from './docker/image-presence';
