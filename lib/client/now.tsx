'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/**
 * The current time, ticking every `intervalMs`, so "12 s ago" labels count up between polls
 * without refetching anything.
 */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The page's clock; undefined outside a provider (server renders, tests without one). */
export const NowContext = createContext<number | undefined>(undefined);

/** The clock every age label on the page reads, from the nearest `NowProvider`. */
export function useSharedNow(): number | undefined {
  return useContext(NowContext);
}

/**
 * One clock for a page. Age labels read it through context, so a tick re-renders only those
 * labels, never the tables around them (a 5,000-row agent table is not rebuilt each second).
 */
export function NowProvider({
  intervalMs = 1_000,
  children,
}: {
  intervalMs?: number;
  children: ReactNode;
}) {
  const now = useNow(intervalMs);
  return <NowContext value={now}>{children}</NowContext>;
}
