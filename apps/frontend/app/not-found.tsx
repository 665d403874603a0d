import Link from 'next/link';
import { Brand } from '@/app/ui/common/brand';
import { buttonPrimary } from '@/app/ui/common/class-names';

export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <div className="w-full max-w-md space-y-5 rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <div className="flex justify-center">
          <Brand />
        </div>
        <h1 className="text-xl font-semibold tracking-tight">This page does not exist</h1>
        <p className="text-sm text-slate-600">The link may be old or mistyped.</p>
        <Link href="/" className={buttonPrimary}>
          Go to your tasks
        </Link>
      </div>
    </main>
  );
}
