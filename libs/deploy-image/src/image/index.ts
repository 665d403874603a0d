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
