'use client';

import { formatAge, formatAgo, formatTimestamp } from '@/lib/client/format';
import { useSharedNow } from '@/lib/client/now';

/**
 * A time as an age on the page's clock (`3m 12s ago`, or `3m 12s` with `bare`), its UTC
 * timestamp on hover. Without a clock (a server render) it shows the timestamp itself.
 */
export function TimeAgo({ at, bare = false }: { at: string | undefined; bare?: boolean }) {
  const now = useSharedNow();
  if (at === undefined) return <span className="text-slate-400">—</span>;
  const text =
    now === undefined ? formatTimestamp(at) : bare ? formatAge(at, now) : formatAgo(at, now);
  return (
    <time dateTime={at} title={formatTimestamp(at)} className="tabular-nums">
      {text}
    </time>
  );
}
