import type { Render } from '@pakaura/deploy-validate';

/** One line per variant: `defaults: 22 objects (11 kinds), 959 lines`. */
export function describeRender(render: Render): string {
  const kinds = new Set(render.objects.map((o) => String(o.object['kind'])));
  const lines = render.yaml.split('\n').length;
  return `${render.variant.name}: ${render.objects.length} objects (${kinds.size} kinds), ${lines} lines — ${render.variant.description}`;
}
