import {
  DESCRIPTION_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  TITLE_MAX_LENGTH,
} from '@pakaura/contract/browser';

/** Field name → the sentence shown under it. Empty when the form may be sent. */
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignInFields {
  email: string;
  password: string;
}

export interface SignUpFields extends SignInFields {
  name: string;
}

export interface TaskTextFields {
  title: string;
  description: string;
}

function emailError(email: string): string | undefined {
  const value = email.trim();
  if (!value) return 'Enter your email address.';
  if (value.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(value)) {
    return 'Enter an email address like name@example.com.';
  }
  return undefined;
}

export function validateSignIn(fields: SignInFields): FieldErrors<keyof SignInFields> {
  const errors: FieldErrors<keyof SignInFields> = {};
  const email = emailError(fields.email);
  if (email) errors.email = email;
  if (!fields.password) errors.password = 'Enter your password.';
  return errors;
}

export function validateSignUp(fields: SignUpFields): FieldErrors<keyof SignUpFields> {
  const errors: FieldErrors<keyof SignUpFields> = {};
  const name = fields.name.trim();
  if (!name) errors.name = 'Tell us what to call you.';
  else if (name.length > NAME_MAX_LENGTH) {
    errors.name = `Keep your name under ${NAME_MAX_LENGTH + 1} characters.`;
  }
  const email = emailError(fields.email);
  if (email) errors.email = email;
  if (fields.password.length < PASSWORD_MIN_LENGTH) {
    errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`;
  } else if (fields.password.length > PASSWORD_MAX_LENGTH) {
    errors.password = `Use at most ${PASSWORD_MAX_LENGTH} characters for your password.`;
  }
  return errors;
}

export function validateTask(fields: TaskTextFields): FieldErrors<keyof TaskTextFields> {
  const errors: FieldErrors<keyof TaskTextFields> = {};
  const title = fields.title.trim();
  if (!title) errors.title = 'Give the task a title.';
  else if (title.length > TITLE_MAX_LENGTH) {
    errors.title = `Keep the title under ${TITLE_MAX_LENGTH + 1} characters.`;
  }
  if (fields.description.length > DESCRIPTION_MAX_LENGTH) {
    errors.description = `Keep the description under ${DESCRIPTION_MAX_LENGTH + 1} characters.`;
  }
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}
