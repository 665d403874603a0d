'use client';

import { PASSWORD_MIN_LENGTH } from '@pakaura/contract/browser';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { api } from '@/app/lib/api-client';
import { ApiError, describeError } from '@/app/lib/api-error';
import {
  hasErrors,
  validateSignUp,
  type FieldErrors,
  type SignUpFields,
} from '@/app/lib/validation';
import { buttonPrimary } from '@/app/ui/common/class-names';
import { FormAlert } from '@/app/ui/auth/form-alert';
import { TextField } from '@/app/ui/auth/text-field';

type Field = keyof SignUpFields;
const FIELD_ORDER: Field[] = ['name', 'email', 'password'];

export function SignUpForm() {
  const router = useRouter();
  const [fields, setFields] = useState<SignUpFields>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const update = (name: Field) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateSignUp(fields);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      const first = FIELD_ORDER.find((field) => found[field]);
      const refs = { name: nameRef, email: emailRef, password: passwordRef };
      if (first) refs[first].current?.focus();
      return;
    }
    setPending(true);
    try {
      await api.signUp({
        name: fields.name.trim(),
        email: fields.email.trim(),
        password: fields.password,
      });
      router.replace('/');
      router.refresh();
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError && error.kind === 'conflict') {
        setErrors({ email: error.message });
        emailRef.current?.focus();
      } else {
        setFormError(describeError(error));
      }
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Create account" className="space-y-4">
      <FormAlert message={formError} />
      <TextField
        ref={nameRef}
        id="sign-up-name"
        label="Name"
        name="name"
        autoComplete="name"
        required
        value={fields.name}
        onChange={(e) => update('name')(e.target.value)}
        error={errors.name}
      />
      <TextField
        ref={emailRef}
        id="sign-up-email"
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
        id="sign-up-password"
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        value={fields.password}
        onChange={(e) => update('password')(e.target.value)}
        error={errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      />
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
