import { Brand } from '@/app/ui/common/brand';
import { buttonPrimary } from '@/app/ui/common/class-names';
import { RefreshIcon } from '@/app/ui/common/icons';

/**
 * Shown instead of the workspace when the API does not answer. A plain link retries, so it works
 * even before (or without) JavaScript.
 */
export function ServiceUnavailable({ retryHref = '/' }: { retryHref?: string }) {
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <div
        role="alert"
        className="w-full max-w-md space-y-5 rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm"
      >
        <div className="flex justify-center">
          <Brand />
        </div>
        <h1 className="text-xl font-semibold tracking-tight">
          We can&apos;t reach Pakaura right now
        </h1>
        <p className="text-sm text-slate-600">
          Your tasks are safe. The service is not answering at the moment; this usually clears up
          within a minute.
        </p>
        <a href={retryHref} className={buttonPrimary}>
          <RefreshIcon />
          Try again
        </a>
      </div>
    </main>
  );
}
