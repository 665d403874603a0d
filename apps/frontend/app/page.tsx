import { SESSION_COOKIE } from '@pakaura/contract/browser';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { resolveApiUrl } from './lib/api-url';
import { loadHome } from './lib/home-data';
import { AuthShell } from './ui/auth/auth-shell';
import { SignInForm } from './ui/auth/sign-in-form';
import { ServiceUnavailable } from './ui/common/service-unavailable';
import { Workspace } from './ui/workspace/workspace';

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
