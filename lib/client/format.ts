/**
 * How the dashboard writes times and durations: compact, unambiguous, the same everywhere.
 * Pure functions of their inputs (the caller passes "now"), so renders and tests agree.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in its two largest units: `45s`, `3m 12s`, `2h 5m`, `4d 3h`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND)) * SECOND;
  if (total < MINUTE) return `${total / SECOND}s`;
  if (total < HOUR) return pair(total, MINUTE, 'm', SECOND, 's');
  if (total < DAY) return pair(total, HOUR, 'h', MINUTE, 'm');
  return pair(total, DAY, 'd', HOUR, 'h');
}

function pair(ms: number, big: number, bigUnit: string, small: number, smallUnit: string) {
  const first = Math.floor(ms / big);
  const second = Math.floor((ms % big) / small);
  return second === 0 ? `${first}${bigUnit}` : `${first}${bigUnit} ${second}${smallUnit}`;
}

/** Milliseconds from an ISO time to now; undefined for a missing or unparsable time. */
export function msSince(iso: string | undefined, now: number): number | undefined {
  if (iso === undefined) return undefined;
  const at = Date.parse(iso);
  return Number.isFinite(at) ? Math.max(0, now - at) : undefined;
}

/** Whole seconds from an ISO time to now (0 for a time in the future). */
export function secondsSince(iso: string, now: number): number {
  return Math.floor((msSince(iso, now) ?? 0) / SECOND);
}

/** `3m 12s ago`, `just now` under a second, `—` when unknown. */
export function formatAgo(iso: string | undefined, now: number): string {
  const ms = msSince(iso, now);
  if (ms === undefined) return '—';
  if (ms < SECOND) return 'just now';
  return `${formatDuration(ms)} ago`;
}

/** An age without "ago", for table cells: `3m 12s`, `—` when unknown. */
export function formatAge(iso: string | undefined, now: number): string {
  const ms = msSince(iso, now);
  return ms === undefined ? '—' : formatDuration(ms);
}

/**
 * A timestamp in UTC, `2024-05-01 14:03:07 UTC`: AWS consoles, logs and CloudFormation
 * events speak UTC, and one zone for every viewer avoids "whose 14:03?".
 */
export function formatTimestamp(iso: string | undefined): string {
  if (iso === undefined) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A response time: `85 ms`, `1.2 s`. */
export function formatResponseTime(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < SECOND ? `${Math.round(ms)} ms` : `${(ms / SECOND).toFixed(1)} s`;
}
