/**
 * What the bundles get for `@nx/devkit` (build.cjs aliases it here). The executors use only its
 * `logger` and `workspaceRoot` at run time (the rest are types, and createProjectGraphAsync,
 * which only the CLI calls): loading the whole devkit costs a task process about
 * 0.15 s of CPU, these two modules nothing (Nx has loaded them already). Every export is the
 * devkit's own object. A bundle importing anything else fails to build, naming the import:
 * add it here.
 */
export { logger } from 'nx/src/utils/logger';
export { workspaceRoot } from 'nx/src/utils/workspace-root';

/** The devkit's createProjectGraphAsync, loaded on first call. */
export async function createProjectGraphAsync(...args) {
  const devkit = await import('nx/src/devkit-exports');
  return devkit.createProjectGraphAsync(...args);
}
