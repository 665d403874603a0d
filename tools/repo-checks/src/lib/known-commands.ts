import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { nxRequest, type ShellCommand } from './commands';
import { WORKSPACE_ROOT, rootPackage } from './workspace';

/**
 * Why a command cannot work in this workspace, or undefined when it can: an nx call must name
 * projects and targets that exist, `npm run x`/`npm test` a script in package.json, and `npx x` a
 * binary the workspace installs or the root package's own bin.
 */
export function unknownCommand(
  command: ShellCommand,
  targets: Map<string, Set<string>>,
  scripts: Record<string, string>,
): string | undefined {
  const [tool, verb, name] = command.argv;
  const nx = nxRequest(command.argv);
  if (nx) {
    for (const project of nx.projects) {
      if (!targets.has(project)) return `${command.text}: no Nx project "${project}"`;
    }
    for (const target of nx.targets) {
      const owners = nx.projects.length > 0 ? nx.projects : [...targets.keys()];
      if (!owners.some((p) => targets.get(p)?.has(target))) {
        return `${command.text}: no project ${nx.projects.join(', ') || 'at all'} has a "${target}" target`;
      }
    }
    return undefined;
  }
  if (tool === 'npm' && (verb === 'test' || verb === 'start')) {
    return scripts[verb] ? undefined : `${command.text}: package.json has no "${verb}" script`;
  }
  if (tool === 'npm' && verb === 'run') {
    return scripts[name] ? undefined : `${command.text}: package.json has no "${name}" script`;
  }
  const ownBins = Object.keys(rootPackage().bin ?? {});
  if (
    tool === 'npx' &&
    !ownBins.includes(verb) &&
    !existsSync(join(WORKSPACE_ROOT, 'node_modules', '.bin', verb))
  ) {
    return `${command.text}: npx ${verb} is not installed by npm ci`;
  }
  return undefined;
}
