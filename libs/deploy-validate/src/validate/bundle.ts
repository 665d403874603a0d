import type { ParsedManifests } from './parse';
import { runPolicy } from './policy';
import { validateSchemas } from './schema';
import type { Finding } from './types';

/** Every finding for one bundle (a manifests directory or a chart render): syntax, schema, policy. */
export async function validateBundle(parsed: ParsedManifests): Promise<Finding[]> {
  return [
    ...parsed.findings,
    ...(await validateSchemas(parsed.objects)),
    ...runPolicy(parsed.objects),
  ];
}
