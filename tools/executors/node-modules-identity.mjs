// Prints when npm last wrote this node_modules (its hidden lockfile). executors:build writes the
// built plugin into node_modules/@pakaura/executors, which Nx's cache cannot hold (it never
// stores files under node_modules): keyed on this, a fresh `npm ci` or an `npm install` that
// pruned the plugin makes the build run again instead of a cache hit that restores nothing.
import { statSync } from 'node:fs';

try {
  console.log(statSync('node_modules/.package-lock.json').mtimeMs);
} catch {
  console.log('no node_modules/.package-lock.json');
}
