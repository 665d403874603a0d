export { loadKubeConfig, type KubeTarget } from './client';
