import type { ChangeSetView } from '@/lib/stacks/change-set-view';
import { Banner } from '../ui/Banner';
import { changeSetReady } from './readiness';

/**
 * The banners above a change set review: why the last execute or cancel failed, and, while
 * CloudFormation has not finished preparing the change set, its status and reason.
 */
export function ChangeSetNotices({
  changeSet,
  error,
  errorTestId,
}: {
  changeSet: Pick<ChangeSetView, 'status' | 'executionStatus' | 'statusReason'>;
  error: string | undefined;
  errorTestId: string;
}) {
  return (
    <>
      {error === undefined ? null : (
        <Banner tone="bad" alert testId={errorTestId}>
          {error}
        </Banner>
      )}
      {changeSetReady(changeSet) ? null : (
        <Banner tone="warn" testId="change-set-not-ready">
          The change set is {changeSet.status} ({changeSet.executionStatus})
          {changeSet.statusReason === undefined ? '.' : `: ${changeSet.statusReason}`}
        </Banner>
      )}
    </>
  );
}
