import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isRecord, type Finding, type ManifestObject } from './types';

export interface ParsedManifests {
  objects: ManifestObject[];
  findings: Finding[];
}

/** Helm writes `# Source: <chart>/templates/<file>` above every document it renders. */
const HELM_SOURCE = /^\s*Source:\s*(\S+)/m;

/**
 * Parses a multi-document YAML stream. Empty documents are skipped; a syntax error, a duplicate
 * key or a document that is not a mapping is a finding. When `label` is given, each object's
 * source is the Helm template that rendered it, followed by the label: `<template> (<label>)`.
 */
export function parseManifests(text: string, source: string, label?: string): ParsedManifests {
  const objects: ManifestObject[] = [];
  const findings: Finding[] = [];
  parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false }).forEach((doc, index) => {
    const comment = `${doc.commentBefore ?? ''}\n${doc.contents?.commentBefore ?? ''}`;
    const template = label ? HELM_SOURCE.exec(comment)?.[1] : undefined;
    const where = template ? `${template} (${label})` : label ? `${source} (${label})` : source;
    if (doc.errors.length > 0) {
      findings.push({
        source: where,
        object: `document ${index + 1}`,
        path: '',
        message: `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
      });
      return;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    if (!isRecord(value)) {
      findings.push({
        source: where,
        object: `document ${index + 1}`,
        path: '',
        message: 'is not a Kubernetes object (expected a mapping with apiVersion and kind)',
      });
      return;
    }
    objects.push({ source: where, index, object: value });
  });
  return { objects, findings };
}

/** Every `.yaml`/`.yml` file under `dir`, sorted, as paths relative to `root`. */
export function listManifestFiles(dir: string, root: string, exclude: (file: string) => boolean) {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current).sort()) {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry) && !exclude(relative(dir, full))) {
        found.push(relative(root, full));
      }
    }
  };
  walk(dir);
  return found;
}

/** Parses every file, each object's source being its path relative to `root`. */
export function readManifestFiles(files: readonly string[], root: string): ParsedManifests {
  const all: ParsedManifests = { objects: [], findings: [] };
  for (const file of files) {
    const parsed = parseManifests(readFileSync(join(root, file), 'utf8'), file);
    all.objects.push(...parsed.objects);
    all.findings.push(...parsed.findings);
  }
  return all;
}
