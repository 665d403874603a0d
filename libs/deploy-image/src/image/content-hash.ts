import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';
import { APP_VERSION } from '@pakaura/contract';

/**
 * Everything that decides what an image contains. The hash of these inputs is the image's content
 * tag: same inputs, same tag; a change in one app's sources changes only that app's tag.
 */
export interface ImageInputs {
  /** Absolute path of the workspace root; every other path is relative to it. */
  workspaceRoot: string;
  /** The app's project root and the roots of every workspace project it depends on. */
  projectRoots: readonly string[];
  dockerfile: string;
  /** The Dockerfile's own ignore file, when it has one. */
  ignoreFile?: string;
  /** Workspace-level files every build reads (lockfile, tsconfig.base.json). */
  workspaceFiles: readonly string[];
  /** Globs, relative to a project root, of project files that never reach an image (tests). */
  projectExclusions: readonly string[];
  /** The `NODE_IMAGE` build argument. */
  baseImage: string;
}

export interface ContentHash {
  /** 12 hex digits of a SHA-256 over the inputs. */
  hash: string;
  /** The files that went into it, sorted, relative to the workspace root. */
  files: string[];
}

export const CONTENT_HASH_LENGTH = 12;
/** Bumped when the hashing scheme changes, so old tags never collide with new ones. */
const SCHEME = 'pakaura-image-inputs/1';

/** The content tag for a hash: `4.0.0-<hash>`. */
export function contentTag(hash: string): string {
  return `${APP_VERSION}-${hash}`;
}

/** Hashes the base image reference and the path and content of every input file. */
export function imageContentHash(inputs: ImageInputs): ContentHash {
  const files = collectInputFiles(inputs);
  const digest = createHash('sha256').update(`${SCHEME}\nbase-image ${inputs.baseImage}\n`);
  for (const file of files) {
    digest.update(`file ${file} ${fileDigest(join(inputs.workspaceRoot, file))}\n`);
  }
  return { hash: digest.digest('hex').slice(0, CONTENT_HASH_LENGTH), files };
}

/**
 * The input files: the Dockerfile and its ignore file, the workspace files, and every file under
 * the project roots that git does not ignore (root and nested .gitignore files) and that no
 * project exclusion matches.
 */
export function collectInputFiles(inputs: ImageInputs): string[] {
  const { workspaceRoot } = inputs;
  const explicit = [inputs.dockerfile, inputs.ignoreFile, ...inputs.workspaceFiles].filter(
    (file): file is string => file !== undefined,
  );
  for (const file of explicit) {
    if (!existsSync(join(workspaceRoot, file))) {
      throw new Error(`Image input ${file} does not exist under ${workspaceRoot}.`);
    }
  }
  const exclusions = inputs.projectExclusions.map((glob) => new Minimatch(glob, { dot: true }));
  const rootRules = gitignoreRules(workspaceRoot, '');
  const found = new Set(explicit.map(toPosix));
  for (const root of inputs.projectRoots) {
    const projectRoot = toPosix(root).replace(/\/+$/, '');
    if (!existsSync(join(workspaceRoot, projectRoot))) {
      throw new Error(`Project root ${projectRoot} does not exist under ${workspaceRoot}.`);
    }
    const rules = [...rootRules, ...parentRules(workspaceRoot, projectRoot)];
    for (const file of walk(workspaceRoot, projectRoot, rules)) {
      const inProject = posix.relative(projectRoot, file);
      if (!exclusions.some((exclusion) => exclusion.match(inProject))) found.add(file);
    }
  }
  return [...found].sort();
}

interface IgnoreRules {
  /** Directory the .gitignore sits in, relative to the workspace root ('' for the root). */
  base: string;
  matcher: Ignore;
}

function gitignoreRules(workspaceRoot: string, dir: string): IgnoreRules[] {
  const file = join(workspaceRoot, dir, '.gitignore');
  if (!existsSync(file)) return [];
  return [{ base: dir, matcher: ignore().add(readFileSync(file, 'utf8')) }];
}

/** .gitignore files between the workspace root and a project root also apply inside it. */
function parentRules(workspaceRoot: string, projectRoot: string): IgnoreRules[] {
  const parts = projectRoot.split('/').filter(Boolean);
  return parts
    .slice(0, -1)
    .flatMap((_, index) => gitignoreRules(workspaceRoot, parts.slice(0, index + 1).join('/')));
}

function isIgnored(path: string, isDirectory: boolean, rules: readonly IgnoreRules[]): boolean {
  return rules.some(({ base, matcher }) => {
    const relative = base ? posix.relative(base, path) : path;
    return matcher.ignores(isDirectory ? `${relative}/` : relative);
  });
}

function walk(workspaceRoot: string, dir: string, inherited: readonly IgnoreRules[]): string[] {
  const rules = [...inherited, ...gitignoreRules(workspaceRoot, dir)];
  const files: string[] = [];
  for (const entry of readdirSync(join(workspaceRoot, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.name === '.git' || isIgnored(path, entry.isDirectory(), rules)) continue;
    if (entry.isDirectory()) files.push(...walk(workspaceRoot, path, rules));
    else if (entry.isFile() || entry.isSymbolicLink()) files.push(path);
  }
  return files;
}

function fileDigest(file: string): string {
  const content = lstatSync(file).isSymbolicLink()
    ? `symlink:${readlinkSync(file)}`
    : readFileSync(file);
  return createHash('sha256').update(content).digest('hex');
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}
