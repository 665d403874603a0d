import type { Metadata } from 'next';
import { AuthShell } from '@/app/ui/auth/auth-shell';
import { SignUpForm } from '@/app/ui/auth/sign-up-form';

export const metadata: Metadata = { title: 'Create your account' };

export default function SignUpPage() {
  return (
    <AuthShell
      title="Create your account"
      subtitle="It takes ten seconds. Then add tasks by hand or just ask."
      footer={{ text: 'Already have an account?', linkLabel: 'Sign in', href: '/' }}
    >
      <SignUpForm />
    </AuthShell>
  );
}
