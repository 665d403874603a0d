import {
  DESCRIPTION_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  TITLE_MAX_LENGTH,
} from '@pakaura/contract/browser';
import { describe, expect, it } from 'vitest';
import { hasErrors, validateSignIn, validateSignUp, validateTask } from '@/app/lib/validation';

describe('validateSignIn', () => {
  it('asks for both fields', () => {
    expect(validateSignIn({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
  });

  it('explains a malformed email with an example', () => {
    expect(validateSignIn({ email: 'ada@', password: 'x' }).email).toMatch(/name@example.com/);
  });

  it('accepts a well-formed attempt, whatever the password length', () => {
    expect(hasErrors(validateSignIn({ email: ' ada@example.com ', password: 'x' }))).toBe(false);
  });
});

describe('validateSignUp', () => {
  it("holds the password to the API's minimum length", () => {
    const short = 'x'.repeat(PASSWORD_MIN_LENGTH - 1);
    expect(validateSignUp({ name: 'Ada', email: 'a@b.co', password: short }).password).toBe(
      `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`,
    );
    const enough = 'x'.repeat(PASSWORD_MIN_LENGTH);
    expect(hasErrors(validateSignUp({ name: 'Ada', email: 'a@b.co', password: enough }))).toBe(
      false,
    );
  });

  it('needs a name within the limit', () => {
    expect(
      validateSignUp({ name: '  ', email: 'a@b.co', password: 'long-enough' }).name,
    ).toBeDefined();
    const long = 'n'.repeat(NAME_MAX_LENGTH + 1);
    expect(validateSignUp({ name: long, email: 'a@b.co', password: 'long-enough' }).name).toMatch(
      /under/,
    );
  });
});

describe('validateTask', () => {
  it('needs a title that is not only spaces', () => {
    expect(validateTask({ title: '   ', description: '' }).title).toBe('Give the task a title.');
  });

  it('holds title and description to the contract limits', () => {
    const errors = validateTask({
      title: 't'.repeat(TITLE_MAX_LENGTH + 1),
      description: 'd'.repeat(DESCRIPTION_MAX_LENGTH + 1),
    });
    expect(Object.keys(errors).sort()).toEqual(['description', 'title']);
    expect(hasErrors(validateTask({ title: 'ok', description: '' }))).toBe(false);
  });
});
