import type { ReactNode } from 'react';

/** A titled section of a page; `actions` sit at the right of the title. */
export function Panel({
  title,
  actions,
  children,
  testId,
  className = '',
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const headingId = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className={`rounded-md border border-slate-200 bg-white p-4 shadow-sm ${className}`}
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold tracking-wide text-slate-800">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A titled group inside a panel. */
export function SubSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-4">
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {title}
      </h3>
      {children}
    </div>
  );
}
