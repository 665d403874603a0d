import type { ExecutorContext } from '@nx/devkit';
import { isAbsolute, join } from 'node:path';

/** The folder of the project whose target runs, as Nx knows it; undefined outside a project. */
export function projectRoot(
  context: Pick<ExecutorContext, 'projectName' | 'projectsConfigurations'>,
): string | undefined {
  return context.projectName
    ? context.projectsConfigurations?.projects[context.projectName]?.root
    : undefined;
}

/** A path from project.json or the command line: kept when absolute, else under the workspace root. */
export function workspacePath(workspaceRoot: string, path: string): string {
  return isAbsolute(path) ? path : join(workspaceRoot, path);
}

/** A text option with its blanks trimmed; an empty one counts as not given. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
