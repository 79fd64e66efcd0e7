'use client';

import { useId, useState, type FormEvent } from 'react';

interface SignInFormProps {
  /** Where to go after signing in; already checked to be a path on this dashboard. */
  next: string;
}

interface ErrorBody {
  code?: string;
  message?: string;
}

/** Username and password sign-in; posts JSON to /api/auth/signin and follows `next`. */
export function SignInForm({ next }: SignInFormProps) {
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const response = await fetch('/api/auth/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: form.get('username'),
          password: form.get('password'),
          next,
        }),
      });
      if (response.ok) {
        const body = (await response.json()) as { next?: string };
        // A full navigation, so every server component renders with the new session.
        window.location.assign(body.next ?? '/');
        return;
      }
      const body = (await response.json().catch(() => ({}))) as ErrorBody;
      setError(body.message ?? 'Signing in failed. Try again.');
    } catch {
      setError('The dashboard cannot be reached. Check your connection and try again.');
    }
    setPending(false);
  }

  const inputClass =
    'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm ' +
    'focus:border-sky-600 focus:ring-2 focus:ring-sky-600/30 focus:outline-none aria-invalid:border-red-600';

  return (
    <form onSubmit={submit} className="space-y-4" aria-describedby={error ? errorId : undefined}>
      <div>
        <label htmlFor="username" className="block text-sm font-medium text-slate-700">
          Username
        </label>
        <input
          id="username"
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={64}
          aria-invalid={error ? true : undefined}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          aria-invalid={error ? true : undefined}
          className={inputClass}
        />
      </div>
      {error && (
        <p
          id={errorId}
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-sky-700 px-4 py-2 font-medium text-white shadow-sm hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-60"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
