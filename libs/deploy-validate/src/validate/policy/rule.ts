import type { ManifestObject } from '../types';

/** A field of one object that breaks a rule. */
export interface Violation {
  path: string;
  message: string;
}

/** A policy rule with a stable id (people write the id in exemptions, so it never changes). */
export interface PolicyRule {
  id: string;
  description: string;
  /** Checks one object; `all` is every object of the same bundle, for rules across objects. */
  check(manifest: ManifestObject, all: readonly ManifestObject[]): Violation[];
}
