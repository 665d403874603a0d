/**
 * The part of the contract browser code may import: routes, app constants and the schemas' plain
 * limits, without TypeBox (which would otherwise ship to every page). Schema TYPES still come from
 * `@pakaura/contract` with `import type`, which leaves nothing in the bundle.
 */
export * from './lib/app';
export * from './lib/routes';
export * from './lib/api/limits';
export * from './lib/api/chat-tools';
