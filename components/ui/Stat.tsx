import type { ReactNode } from 'react';

/** One key number with its label; `testId` lets an end-to-end test read the value. */
export function Stat({
  label,
  value,
  testId,
  hint,
}: {
  label: string;
  value: ReactNode;
  testId?: string;
  hint?: ReactNode;
}) {
  return (
    <div className="min-w-[6rem]">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
      {hint === undefined ? null : <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}
