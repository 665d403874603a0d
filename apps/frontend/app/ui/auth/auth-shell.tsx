import Link from 'next/link';
import type { ReactNode } from 'react';
import { Brand } from '@/app/ui/common/brand';
import { CheckIcon } from '@/app/ui/common/icons';

interface AuthShellProps {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: { text: string; linkLabel: string; href: string };
}

const HIGHLIGHTS = [
  'Add, edit and finish tasks in one place',
  'Ask the assistant: "Add a task to demo Kubernetes"',
  'Your board updates the moment it acts',
];

/** The signed-out frame: a short pitch beside the form (stacked away on phones). */
export function AuthShell({ title, subtitle, children, footer }: AuthShellProps) {
  return (
    <main className="grid min-h-dvh lg:grid-cols-[1.1fr_1fr]">
      <section
        aria-label="About Pakaura"
        className="hidden flex-col justify-between bg-gradient-to-br from-brand-700 via-brand-600 to-indigo-500 p-12 text-white lg:flex"
      >
        <Brand size="lg" />
        <div className="max-w-md space-y-6">
          <h2 className="text-4xl font-semibold leading-tight tracking-tight">
            Plan your day by hand, or just ask.
          </h2>
          <ul className="space-y-3 text-brand-50">
            {HIGHLIGHTS.map((line) => (
              <li key={line} className="flex items-start gap-3">
                <span className="mt-0.5 grid size-5 shrink-0 place-items-center rounded-full bg-white/20">
                  <CheckIcon className="size-3.5" strokeWidth={3} />
                </span>
                {line}
              </li>
            ))}
          </ul>
        </div>
        <p className="text-sm text-brand-100">Runs anywhere from your laptop to Kubernetes.</p>
      </section>
      <section className="flex items-center justify-center px-4 py-12 sm:px-8">
        <div className="w-full max-w-sm space-y-8">
          <div className="lg:hidden">
            <Brand />
          </div>
          <div className="space-y-2">
            <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
            <p className="text-sm text-slate-600">{subtitle}</p>
          </div>
          <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
            {children}
          </div>
          <p className="text-center text-sm text-slate-600">
            {footer.text}{' '}
            <Link href={footer.href} className="font-medium text-brand-600 hover:text-brand-700">
              {footer.linkLabel}
            </Link>
          </p>
        </div>
      </section>
    </main>
  );
}
