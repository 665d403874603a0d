'use client';

import '@/app/globals.css';

/** The last resort, when even the root layout failed: it renders its own document. */
export default function GlobalError({ reset }: { reset: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-dvh place-items-center bg-slate-100 px-4 font-sans text-slate-900">
        <main
          role="alert"
          className="max-w-md space-y-4 rounded-2xl bg-white p-8 text-center shadow-sm"
        >
          <h1 className="text-xl font-semibold">Pakaura could not load</h1>
          <p className="text-sm text-slate-600">
            Something went wrong on our side. Please try again.
          </p>
          <button
            type="button"
            onClick={reset}
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
