import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  API_PORT,
  API_ROUTES,
  APP_GID,
  APP_UID,
  FRONTEND_HEALTH_PATH,
  FRONTEND_PORT,
  type ImageKey,
} from '@pakaura/contract';
import { IMAGE_PROJECTS } from '@pakaura/deploy-kube/nx-projects';
import { BASE_IMAGE_ARG, baseImageOf } from './image-inputs';

const workspaceRoot = join(__dirname, '../../../..');

/** What the contract says each image must do, and the stages the issue asks for. */
const EXPECTED: Record<ImageKey, { port: number; health: string; stages: string[] }> = {
  api: { port: API_PORT, health: API_ROUTES.health, stages: ['node', 'builder', 'runtime'] },
  frontend: {
    port: FRONTEND_PORT,
    health: FRONTEND_HEALTH_PATH,
    stages: ['node', 'deps', 'builder', 'runner'],
  },
};

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with line continuations joined and comments dropped. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The instructions of the last stage: what the running image is made of. */
function finalStage(all: Instruction[]): Instruction[] {
  const lastFrom = all.map((i) => i.keyword).lastIndexOf('FROM');
  return all.slice(lastFrom);
}

describe.each(Object.entries(IMAGE_PROJECTS) as [ImageKey, string][])(
  'the %s Dockerfile',
  (app, project) => {
    const dockerfile = readFileSync(join(workspaceRoot, 'apps', project, 'Dockerfile'), 'utf8');
    const all = instructions(dockerfile);
    const last = finalStage(all);
    const expected = EXPECTED[app];

    it('takes an official Node 22 image as the NODE_IMAGE build argument, for every stage', () => {
      expect(all[0]).toEqual({ keyword: 'ARG', args: expect.stringMatching(/^NODE_IMAGE=/) });
      expect(baseImageOf(dockerfile)).toMatch(/^node:22(-[a-z0-9.-]+)?(@sha256:[0-9a-f]{64})?$/);
      const froms = all.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+/)[0]);
      expect(new Set(froms.slice(0, -1))).toEqual(new Set([`\${${BASE_IMAGE_ARG}}`]));
      expect(froms.at(-1)).toBe('scratch');
      expect(last[1]).toEqual({ keyword: 'COPY', args: '--from=node / /' });
    });

    it('runs on that base without what never runs: npm, npx, corepack, yarn, the C headers', () => {
      const nodeStage = all.slice(all.findIndex((i) => /\bAS node$/.test(i.args)));
      const removal = nodeStage.find((i) => i.keyword === 'RUN')?.args ?? '';
      for (const path of [
        '/usr/local/lib/node_modules',
        '/usr/local/bin/npm',
        '/usr/local/bin/npx',
        '/usr/local/bin/corepack',
        '/usr/local/bin/yarn',
        '/opt/yarn-*',
        '/usr/local/include/node',
      ]) {
        expect(removal.split(/\s+/)).toContain(path);
      }
      expect(last.filter((i) => i.keyword === 'RUN')).toEqual([]);
    });

    it(`has the stages ${expected.stages.join(', ')}, the last one running`, () => {
      const stages = all
        .filter((i) => i.keyword === 'FROM')
        .map((i) => /\bAS\s+(\S+)$/i.exec(i.args)?.[1]);
      expect(stages).toEqual(expected.stages);
    });

    it('runs as the numeric app user from the contract', () => {
      expect(last.filter((i) => i.keyword === 'USER')).toEqual([
        { keyword: 'USER', args: `${APP_UID}:${APP_GID}` },
      ]);
    });

    it("exposes the contract's port and checks the contract's health route with node", () => {
      expect(last.find((i) => i.keyword === 'EXPOSE')?.args).toBe(String(expected.port));
      const healthcheck = last.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? '';
      expect(healthcheck).toMatch(/CMD \["node", "-e", /);
      expect(healthcheck).toContain(
        `(process.env.PORT || ${expected.port}) + '${expected.health}'`,
      );
    });

    it('relies on no particular distribution or download tool, and pulls no frontend image', () => {
      expect(dockerfile).not.toMatch(/^#\s*syntax=/m);
      const commands = all.filter((i) => i.keyword === 'RUN').map((i) => i.args);
      expect(commands.join('\n')).not.toMatch(/\b(apk|apt-get|apt|yum|dnf|curl|wget)\b/);
    });

    it('keeps everything out of the build context unless it is let in', () => {
      const ignore = readFileSync(
        join(workspaceRoot, 'apps', project, 'Dockerfile.dockerignore'),
        'utf8',
      );
      const rules = ignore.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
      expect(rules[0]).toBe('*');
    });

    it('keeps environment files out of the image, whatever the rules above let in', () => {
      const ignore = readFileSync(
        join(workspaceRoot, 'apps', project, 'Dockerfile.dockerignore'),
        'utf8',
      );
      const rules = ignore.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
      expect(rules.at(-1)).toBe('**/.env*');
    });
  },
);
