'use client';

import { useState } from 'react';

/**
 * Ends the session (a same-origin JSON POST, so the server's Origin check passes) and
 * reloads on the sign-in page, which drops every cached view of the signed-out user.
 */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    try {
      await fetch('/api/auth/signout', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
    } finally {
      // A full load, not router.push: it drops every SWR cache of the signed-out user. Even if
      // the call failed, the sign-in page is the right place to land.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/signin');
    }
  }

  return (
    <button
      type="button"
      onClick={() => void signOut()}
      disabled={busy}
      className="rounded border border-slate-500 px-2 py-0.5 text-xs text-slate-100 hover:bg-slate-700 disabled:opacity-60"
      data-testid="sign-out"
    >
      Sign out
    </button>
  );
}
