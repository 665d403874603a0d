'use client';

import type { User } from '@pakaura/contract';
import { Brand } from '@/app/ui/common/brand';
import { buttonGhost } from '@/app/ui/common/class-names';
import { LogOutIcon } from '@/app/ui/common/icons';

interface AppHeaderProps {
  user: User;
  signingOut: boolean;
  onSignOut: () => void;
}

export function AppHeader({ user, signingOut, onSignOut }: AppHeaderProps) {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6">
        <Brand />
        <div className="flex min-w-0 items-center gap-2 sm:gap-4">
          <div className="hidden min-w-0 text-right sm:block">
            <p className="truncate text-sm font-medium" data-testid="user-name">
              {user.name}
            </p>
            <p className="truncate text-xs text-slate-500">{user.email}</p>
          </div>
          <span
            aria-hidden="true"
            className="grid size-9 shrink-0 place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
          >
            {initials(user.name)}
          </span>
          <button type="button" className={buttonGhost} onClick={onSignOut} disabled={signingOut}>
            <LogOutIcon />
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
    </header>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part[0]?.toUpperCase() ?? '').join('') || '?';
}
