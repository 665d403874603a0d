// What a passed prerequisites check depends on, printed for Nx to key the cached result of
// `local-cluster:prereqs` (a runtime input in project.json): each tool's path, size and change
// time as the first match on PATH (installing, removing or upgrading one changes it) and the
// current ten-minute window, so a passed check is trusted for ten minutes at most. It runs no
// tool: a check of the Docker engine or the cluster stays with the tasks that need them.
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const TOOLS = ['docker', 'minikube', 'kind', 'kubectl', 'helm'];
const WINDOW_MS = 10 * 60 * 1000;

function firstOnPath(tool) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, tool);
    try {
      const stat = statSync(file);
      if (stat.isFile()) return `${file} ${stat.size} ${stat.ctimeMs}`;
    } catch {
      // not in this directory
    }
  }
  return 'missing';
}

const key = TOOLS.map((tool) => `${tool}: ${firstOnPath(tool)}`);
key.push(`window: ${Math.floor(Date.now() / WINDOW_MS)}`);
console.log(key.join('\n'));
