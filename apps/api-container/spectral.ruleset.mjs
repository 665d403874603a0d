// Spectral ruleset for the served OpenAPI document, run by test/plugins/openapi-lint.test.ts in
// `npm test`: Spectral's OpenAPI rules and OWASP's API security rules, as users of the field lint
// an API. A rule turned off here says why beside it.
import owasp from '@stoplight/spectral-owasp-ruleset';
import { truthy } from '@stoplight/spectral-functions';
import { oas } from '@stoplight/spectral-rulesets';

export default {
  extends: [
    [oas, 'recommended'],
    [owasp, 'recommended'],
  ],
  rules: {
    // Off: it asks every operation for rate-limit headers. The API limits the operations whose
    // work or abuse is expensive (sign-in, registration, password change, chat) and documents
    // their headers; reads and task writes are bounded per request instead (page size, the
    // per-user task cap) and send no limit headers because they have no limit. The rule below
    // holds the documented ones to the same standard.
    'owasp:api4:2023-rate-limit': 'off',
    // Off: registration, sign-in and sign-out start and end sessions, so they cannot require
    // one. They declare `security: []`, are rate-limited (sign-out needs nothing to limit), and
    // cookie-carried state changes are checked for a cross-site Origin.
    'owasp:api2:2023-write-restricted': 'off',
    'pakaura-rate-limit-headers': {
      description: 'A rate-limited operation (one that answers 429) declares its limit headers',
      message: '{{property}} is missing: {{error}}',
      severity: 'error',
      given:
        "$.paths[*][?(@.responses && @.responses['429'])].responses[?(@property.match(/^[24]/))]",
      then: [
        { field: 'headers.RateLimit-Limit', function: truthy },
        { field: 'headers.RateLimit-Remaining', function: truthy },
        { field: 'headers.RateLimit-Reset', function: truthy },
      ],
    },
    'pakaura-retry-after': {
      description: 'Every 429 tells when to come back',
      severity: 'error',
      given: "$.paths[*][*].responses[?(@property == '429')]",
      then: { field: 'headers.Retry-After', function: truthy },
    },
  },
};
