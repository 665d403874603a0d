import { objectRef, type Finding, type ManifestObject } from '../types';
import { dig } from './workloads';

/** The annotation that exempts an object from a rule, next to the object, with the reason. */
export const EXEMPT_ANNOTATION = 'pakaura.dev/policy-exempt';
const MIN_REASON_LENGTH = 15;

export interface Exemption {
  rule: string;
  reason: string;
}

/**
 * Reads `pakaura.dev/policy-exempt`: one `<rule-id>: <reason>` per line. A line naming an unknown
 * rule, or giving no real reason, is itself a finding: an exemption must say why.
 */
export function readExemptions(
  manifest: ManifestObject,
  knownRules: ReadonlySet<string>,
): { exemptions: Exemption[]; findings: Finding[] } {
  const value = dig(manifest.object, 'metadata', 'annotations', EXEMPT_ANNOTATION);
  const exemptions: Exemption[] = [];
  const findings: Finding[] = [];
  if (value === undefined) return { exemptions, findings };
  const path = `metadata.annotations[${JSON.stringify(EXEMPT_ANNOTATION)}]`;
  const problem = (message: string) =>
    findings.push({
      source: manifest.source,
      object: objectRef(manifest),
      path,
      message,
      rule: 'policy-exempt',
    });

  for (const line of String(value)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) {
      problem(`"${line}" is not "<rule-id>: <reason>"`);
    } else if (!knownRules.has(match[1])) {
      problem(`"${match[1]}" is not a policy rule (known: ${[...knownRules].join(', ')})`);
    } else if (match[2].length < MIN_REASON_LENGTH) {
      problem(
        `the exemption from ${match[1]} needs a reason of at least ${MIN_REASON_LENGTH} characters`,
      );
    } else {
      exemptions.push({ rule: match[1], reason: match[2] });
    }
  }
  return { exemptions, findings };
}
