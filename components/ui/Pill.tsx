import type { ReactNode } from 'react';
import { PILL_CLASSES, type Tone } from './tone';

/** A small status label in one of the console's tones. */
export function Pill({
  tone,
  children,
  testId,
  title,
}: {
  tone: Tone;
  children: ReactNode;
  testId?: string;
  title?: string;
}) {
  return (
    <span
      data-testid={testId}
      title={title}
      className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${PILL_CLASSES[tone]}`}
    >
      {children}
    </span>
  );
}
