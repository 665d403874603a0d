import { SESSION_COOKIE } from '@pakaura/contract/browser';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { resolveApiUrl } from '@/app/lib/api-url';
import { loadHome } from '@/app/lib/home-data';
import { AuthShell } from '@/app/ui/auth/auth-shell';
import { SignInForm } from '@/app/ui/auth/sign-in-form';
import { ServiceUnavailable } from '@/app/ui/common/service-unavailable';
import { Workspace } from '@/app/ui/workspace/workspace';

export const metadata: Metadata = { title: 'Your tasks' };

export default async function HomePage() {
  const session = (await cookies()).get(SESSION_COOKIE)?.value;
  const view = await loadHome(session, resolveApiUrl());

  if (view.kind === 'unavailable') return <ServiceUnavailable />;
  if (view.kind === 'signed-in') {
    return (
      <Workspace
        user={view.user}
        initialTasks={view.tasks}
        initialConversation={view.conversation}
      />
    );
  }
  return (
    <AuthShell
      title="Sign in to Pakaura"
      subtitle="Welcome back. Your tasks and your assistant are waiting."
      footer={{ text: 'New here?', linkLabel: 'Create an account', href: '/signup' }}
    >
      <SignInForm />
    </AuthShell>
  );
}
