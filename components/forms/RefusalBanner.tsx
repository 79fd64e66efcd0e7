'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { Banner } from '@/components/ui/Banner';

/**
 * The server's refusal at the top of a long form. The person pressed the button at the bottom,
 * so the banner scrolls itself into view when it appears; otherwise the press would seem to
 * have done nothing. A new refusal mounts it again (the banner is cleared while a request runs).
 */
export function RefusalBanner({ testId, children }: { testId: string; children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    frame.current?.scrollIntoView({ block: 'center' });
  }, []);
  return (
    <div ref={frame}>
      <Banner tone="bad" alert testId={testId}>
        {children}
      </Banner>
    </div>
  );
}
