import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createProjectGraphAsync, type ProjectGraph } from '@nx/devkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION, IMAGE_NAMES, type ImageKey } from '@pakaura/contract';
import { imageTag } from './image-tag';

const workspaceRoot = join(__dirname, '../../../..');
const apps = Object.keys(IMAGE_NAMES) as ImageKey[];

/**
 * The real workspace: its Nx project graph, nx.json and sources. The image inputs of both apps
 * are copied to a scratch folder, where one file at a time is changed.
 */
describe('image tags of this workspace', () => {
  let graph: ProjectGraph;
  const nxJson = JSON.parse(readFileSync(join(workspaceRoot, 'nx.json'), 'utf8'));
  const tagsIn = async (root: string) =>
    Object.fromEntries(
      await Promise.all(
        apps.map(async (app) => [
          app,
          (await imageTag(app, { workspaceRoot: root, graph, nxJson })).tag,
        ]),
      ),
    ) as Record<ImageKey, string>;

  beforeAll(async () => {
    graph = await createProjectGraphAsync({ exitOnError: false });
  }, 120_000);

  async function copyOfInputs(): Promise<{ root: string; files: Record<ImageKey, string[]> }> {
    const root = mkdtempSync(join(tmpdir(), 'pakaura-tags-'));
    const files = {} as Record<ImageKey, string[]>;
    for (const app of apps) {
      const { files: inputs, inputs: resolved } = await imageTag(app, {
        workspaceRoot,
        graph,
        nxJson,
      });
      files[app] = inputs;
      const gitignores = ['.gitignore', ...resolved.projectRoots.map((r) => join(r, '.gitignore'))];
      for (const file of [
        ...inputs,
        ...gitignores.filter((f) => existsSync(join(workspaceRoot, f))),
      ]) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        copyFileSync(join(workspaceRoot, file), join(root, file));
      }
    }
    return { root, files };
  }

  it('tags each app 4.0.0-<hash>, the same for a copy of its inputs anywhere', async () => {
    const tags = await tagsIn(workspaceRoot);
    expect(tags.api).toMatch(new RegExp(`^${APP_VERSION}-[0-9a-f]{12}$`));
    expect(tags.frontend).not.toBe(tags.api);
    expect(await tagsIn((await copyOfInputs()).root)).toEqual(tags);
  });

  it.each(apps)('moves only the %s tag when one of its own source files changes', async (app) => {
    const { root, files } = await copyOfInputs();
    const before = await tagsIn(root);
    const own = files[app].find(
      (file) =>
        /\.(ts|tsx)$/.test(file) && !files[app === 'api' ? 'frontend' : 'api'].includes(file),
    ) as string;
    appendFileSync(join(root, own), '\n// one more line\n');
    const after = await tagsIn(root);
    for (const other of apps) {
      if (other === app) expect(after[other]).not.toBe(before[other]);
      else expect(after[other]).toBe(before[other]);
    }
  });

  it('moves both tags when the shared contract changes', async () => {
    const { root, files } = await copyOfInputs();
    const before = await tagsIn(root);
    const shared = files.api.find((file) => file.startsWith('libs/contract/src/')) as string;
    expect(files.frontend).toContain(shared);
    appendFileSync(join(root, shared), '\n// one more line\n');
    const after = await tagsIn(root);
    expect(after.api).not.toBe(before.api);
    expect(after.frontend).not.toBe(before.frontend);
  });
});
