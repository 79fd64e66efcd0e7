import type { SWRConfiguration } from 'swr';
import { isSignedOut } from '@/lib/client/fetcher';

/**
 * SWR's error retry for a page watching a running create or update: try again at the polling
 * pace, a bounded number of times, and never once signed out (the fetch has already sent the
 * person to sign in; retrying would only race it).
 */
export function retryWhileWatching(
  intervalMs: number,
  maxRetries = 20,
): NonNullable<SWRConfiguration['onErrorRetry']> {
  return (error, _key, _config, revalidate, { retryCount }) => {
    if (isSignedOut(error) || retryCount >= maxRetries) return;
    setTimeout(() => void revalidate({ retryCount }), intervalMs);
  };
}
