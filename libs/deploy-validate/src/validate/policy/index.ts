import { objectRef, type Finding, type ManifestObject } from '../types';
import { AVAILABILITY_RULES } from './availability-rules';
import { CONTAINER_RULES } from './container-rules';
import { readExemptions } from './exemptions';
import { REFERENCE_RULES } from './reference-rules';
import type { PolicyRule } from './rule';
import { SECRET_RULES } from './secret-rules';
import { SECURITY_RULES } from './security-rules';

export { EXEMPT_ANNOTATION } from './exemptions';
export type { PolicyRule, Violation } from './rule';

export const POLICY_RULES: readonly PolicyRule[] = [
  ...SECURITY_RULES,
  ...CONTAINER_RULES,
  ...SECRET_RULES,
  ...AVAILABILITY_RULES,
  ...REFERENCE_RULES,
];

/**
 * Checks every object of a bundle (one directory of manifests, or one chart render) against every
 * rule. Violations an object's own exemption annotation covers are dropped; an exemption that
 * covers nothing is reported, so stale exemptions do not pile up.
 */
export function runPolicy(
  manifests: readonly ManifestObject[],
  rules: readonly PolicyRule[] = POLICY_RULES,
): Finding[] {
  const known = new Set(rules.map((r) => r.id));
  const findings: Finding[] = [];
  for (const manifest of manifests) {
    const { exemptions, findings: bad } = readExemptions(manifest, known);
    findings.push(...bad);
    const used = new Set<string>();
    for (const rule of rules) {
      const violations = rule.check(manifest, manifests);
      if (violations.length === 0) continue;
      if (exemptions.some((e) => e.rule === rule.id)) {
        used.add(rule.id);
        continue;
      }
      findings.push(
        ...violations.map((v) => ({
          source: manifest.source,
          object: objectRef(manifest),
          path: v.path,
          message: v.message,
          rule: rule.id,
        })),
      );
    }
    for (const unused of exemptions.filter((e) => !used.has(e.rule))) {
      findings.push({
        source: manifest.source,
        object: objectRef(manifest),
        path: 'metadata.annotations',
        message: `exempt from ${unused.rule}, but nothing here breaks that rule: remove the exemption`,
        rule: 'policy-exempt',
      });
    }
  }
  return findings;
}
