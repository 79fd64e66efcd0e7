import type { ReactNode } from 'react';
import { Banner } from '../ui/Banner';

/**
 * The likely cause of a failed create or update, above its events: the failing resource, its
 * status and CloudFormation's reason; `children` add what the page knows beyond that.
 */
export function RootFailureBanner({
  failure,
  children,
}: {
  failure: { readonly logicalId: string; readonly status: string; readonly reason?: string };
  children?: ReactNode;
}) {
  return (
    <Banner tone="bad" alert testId="root-failure">
      <p className="font-medium">
        Likely cause: {failure.logicalId} {failure.status}
      </p>
      <p className="mt-1">{failure.reason ?? 'CloudFormation gave no reason.'}</p>
      {children}
    </Banner>
  );
}
