'use client';

import type { User } from '@pakaura/contract';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { api } from '@/app/lib/api-client';
import { describeSignInError, isUnauthorized } from '@/app/lib/api-error';
import {
  hasErrors,
  validateSignIn,
  type FieldErrors,
  type SignInFields,
} from '@/app/lib/validation';
import { buttonPrimary } from '@/app/ui/common/class-names';
import { FormAlert } from '@/app/ui/auth/form-alert';
import { TextField } from '@/app/ui/auth/text-field';

interface SignInFormProps {
  /** Prefills the email (signing in again after the session expired). */
  initialEmail?: string;
  /** What happens once signed in; by default the page is rendered again for the new session. */
  onSignedIn?: (user: User) => void;
  /** Distinguishes the ids of two forms on one page. */
  idPrefix?: string;
}

export function SignInForm({
  initialEmail = '',
  onSignedIn,
  idPrefix = 'sign-in',
}: SignInFormProps) {
  const router = useRouter();
  const [fields, setFields] = useState<SignInFields>({ email: initialEmail, password: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof SignInFields>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const update = (name: keyof SignInFields) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateSignIn(fields);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      (found.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setPending(true);
    try {
      const { user } = await api.signIn({ email: fields.email.trim(), password: fields.password });
      if (onSignedIn) {
        setPending(false);
        setFields((current) => ({ ...current, password: '' }));
        onSignedIn(user);
      } else {
        router.refresh();
      }
    } catch (error) {
      setPending(false);
      setFormError(describeSignInError(error));
      if (isUnauthorized(error)) passwordRef.current?.select();
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Sign in" className="space-y-4">
      <FormAlert message={formError} />
      <TextField
        ref={emailRef}
        id={`${idPrefix}-email`}
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        required
        value={fields.email}
        onChange={(e) => update('email')(e.target.value)}
        error={errors.email}
      />
      <TextField
        ref={passwordRef}
        id={`${idPrefix}-password`}
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={fields.password}
        onChange={(e) => update('password')(e.target.value)}
        error={errors.password}
      />
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
