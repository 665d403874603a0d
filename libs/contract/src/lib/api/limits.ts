/**
 * The plain values inside the API's schemas (lengths, enumerations), kept free of TypeBox so
 * browser code can import them (through `@pakaura/contract/browser`) without the schema library.
 * The schema files re-export them under the same names.
 */
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 2000;
export const PRIORITIES = ['low', 'medium', 'high'] as const;
export const TASK_STATUSES = ['all', 'active', 'completed'] as const;

export const MESSAGE_MAX_LENGTH = 2000;
