'use client';

import { useEffect } from 'react';
import { Brand } from '@/app/ui/common/brand';
import { buttonPrimary } from '@/app/ui/common/class-names';
import { RefreshIcon } from '@/app/ui/common/icons';

/** Any rendering failure: a calm sentence and a retry, never a stack trace. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error('Pakaura page error', error.digest ?? error.message);
  }, [error]);

  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <div
        role="alert"
        className="w-full max-w-md space-y-5 rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm"
      >
        <div className="flex justify-center">
          <Brand />
        </div>
        <h1 className="text-xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="text-sm text-slate-600">
          This page hit a problem on our side. Your tasks are safe; trying again usually works.
        </p>
        <button type="button" className={buttonPrimary} onClick={reset}>
          <RefreshIcon />
          Try again
        </button>
      </div>
    </main>
  );
}
