import type { Check, CheckName } from '../types';
import { apiHealthCheck } from './api-health';
import { chatbotCheck } from './chatbot';
import { frontendCheck } from './frontend';
import { persistenceCheck } from './persistence';
import { podsCheck } from './pods';
import { releaseCheck } from './release';
import { secretsCheck } from './secrets';
import { selfHealingCheck } from './self-healing';

/** Every check by name; the runner takes them in CHECK_NAMES order. */
export const CHECKS: Readonly<Record<CheckName, Check>> = {
  pods: podsCheck,
  'api-health': apiHealthCheck,
  frontend: frontendCheck,
  secrets: secretsCheck,
  release: releaseCheck,
  chatbot: chatbotCheck,
  'self-healing': selfHealingCheck,
  persistence: persistenceCheck,
};
