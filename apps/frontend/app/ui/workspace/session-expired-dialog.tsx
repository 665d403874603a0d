'use client';

import type { User } from '@pakaura/contract';
import { useEffect, useRef } from 'react';
import { SignInForm } from '@/app/ui/auth/sign-in-form';
import { buttonGhost } from '@/app/ui/common/class-names';

interface SessionExpiredDialogProps {
  open: boolean;
  email: string;
  onSignedIn: (user: User) => void;
  onSwitchAccount: () => void;
}

/**
 * Asks the person to sign in again over their work, instead of sending them away from it:
 * whatever they were typing stays where it was, and the interrupted action resumes.
 */
export function SessionExpiredDialog({
  open,
  email,
  onSignedIn,
  onSwitchAccount,
}: SessionExpiredDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The email is filled in already: the password is what the person has to type.
      dialog.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="session-expired-title"
      aria-describedby="session-expired-text"
      onCancel={(event) => event.preventDefault()}
      className="m-auto w-[calc(100%-2rem)] max-w-sm rounded-2xl border border-slate-200 bg-white p-6 shadow-xl"
    >
      {open ? (
        <div className="space-y-4">
          <div className="space-y-1">
            <h2 id="session-expired-title" className="text-lg font-semibold">
              Your session has expired
            </h2>
            <p id="session-expired-text" className="text-sm text-slate-600">
              Sign in again to carry on. Everything you were typing is still here.
            </p>
          </div>
          <SignInForm initialEmail={email} onSignedIn={onSignedIn} idPrefix="resume" />
          <button type="button" className={`${buttonGhost} w-full`} onClick={onSwitchAccount}>
            Use a different account
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
