import type { ReactNode } from 'react';
import { BANNER_CLASSES, type Tone } from './tone';

/** A full-width message at the top of a page; `alert` for news the person must see now. */
export function Banner({
  tone,
  children,
  testId,
  alert = false,
}: {
  tone: Tone;
  children: ReactNode;
  testId?: string;
  alert?: boolean;
}) {
  return (
    <div
      role={alert ? 'alert' : 'status'}
      data-testid={testId}
      className={`rounded-md border px-4 py-3 text-sm ${BANNER_CLASSES[tone]}`}
    >
      {children}
    </div>
  );
}
