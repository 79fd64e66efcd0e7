'use client';

import useSWR from 'swr';
import { LINK_CLASS } from '@/components/launch/styles';
import { fetchJson } from '@/lib/client/fetcher';
import { stackPagePath } from '@/lib/client/keys';
import type { AppError } from '@/lib/errors';
import { stackActions } from '@/lib/stacks/status';
import { StackStatusBadge } from '../status/StackStatusBadge';
import { Banner } from '../ui/Banner';
import { stackTemplateKey, type StackTemplateView } from './update-requests';
import { UpdateSession } from './UpdateSession';

/**
 * The update page's client part: reads the stack's deployed template and values once, then
 * offers the form only when the stack's status allows an update (C19); otherwise it says why,
 * in the words `stackActions` gives.
 */
export function UpdateWizard({ stackName, region }: { stackName: string; region: string }) {
  const { data, error, mutate } = useSWR<StackTemplateView, AppError>(
    stackTemplateKey(stackName, region),
    fetchJson,
    { revalidateOnFocus: false, revalidateIfStale: false, shouldRetryOnError: false },
  );
  const back = (
    <a href={stackPagePath(stackName, region)} className={LINK_CLASS} data-testid="stack-page-link">
      Back to the stack page
    </a>
  );

  if (data === undefined) {
    return error === undefined ? (
      <p className="text-sm text-slate-600" role="status" data-testid="update-loading">
        Reading the stack&apos;s template…
      </p>
    ) : (
      <Banner tone="bad" alert testId="update-load-error">
        The stack&apos;s template could not be read: {error.message}{' '}
        <button type="button" className="underline" onClick={() => void mutate()}>
          Try again
        </button>{' '}
        {back}
      </Banner>
    );
  }

  const actions = stackActions(data.status);
  if (!actions.update) {
    return (
      <Banner tone="warn" testId="update-blocked">
        <p>
          <StackStatusBadge status={data.status} /> {actions.editBlockedBecause}
        </p>
        {actions.createFromChangeSet ? (
          <p className="mt-2">
            <a
              href={`/launch?${new URLSearchParams({ stackName, region }).toString()}`}
              className={LINK_CLASS}
              data-testid="continue-create-link"
            >
              Continue in the launch wizard with a new CREATE change set
            </a>
          </p>
        ) : null}
        <p className="mt-2">{back}</p>
      </Banner>
    );
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        <StackStatusBadge status={data.status} /> {back}
      </p>
      <UpdateSession deployed={data} />
    </div>
  );
}
