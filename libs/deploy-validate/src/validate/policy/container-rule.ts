import type { PolicyRule, Violation } from './rule';
import { containersOf, podTemplateOf, type ContainerRef, type PodTemplate } from './workloads';

/**
 * A rule that looks at every container (init containers too) of every pod-running object:
 * `check` returns the container's violations, one, or none.
 */
export function containerRule(
  id: string,
  description: string,
  check: (ref: ContainerRef, pod: PodTemplate) => Violation | Violation[] | undefined,
): PolicyRule {
  return {
    id,
    description,
    check({ object }) {
      const pod = podTemplateOf(object);
      return pod ? containersOf(pod).flatMap((ref) => check(ref, pod) ?? []) : [];
    },
  };
}

/** How a message names a container: `container "api"`, `init container "migrate"`. */
export const who = (ref: ContainerRef) =>
  `${ref.init ? 'init container' : 'container'} "${ref.name}"`;
