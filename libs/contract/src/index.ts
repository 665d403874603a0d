export * from './lib/app';
export * from './lib/routes';
export * from './lib/env';
export * from './lib/api/common';
export * from './lib/api/auth';
export * from './lib/api/tasks';
export * from './lib/api/chat';
export * from './lib/k8s';
