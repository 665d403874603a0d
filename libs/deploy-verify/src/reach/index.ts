export { ingressEntry, type IngressEntry } from './ingress-entry';
export {
  OPEN_APP_COMMAND,
  OPEN_APP_HINT,
  openApp,
  type OpenAppOptions,
  type OpenedApp,
} from './open-app';
export { serviceBackend, type ServiceBackend } from './service-backend';
