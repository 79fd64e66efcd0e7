'use client';

import useSWR from 'swr';
import { fetchJson } from '@/lib/client/fetcher';
import type { AppError } from '@/lib/errors';
import type { LaunchTemplateView } from '@/lib/stacks/launch-view';
import type { QuickCreateParams } from '@/lib/template';
import { Banner } from '../ui/Banner';
import { launchTemplateKey } from './launch-requests';
import { LaunchSession } from './LaunchSession';

/**
 * The launch wizard: loads the template's form model and required capabilities for the
 * region, then hands over to the session that holds the form, the review and the launch.
 * `prefill` is a quick-create link already read against the template on the server, so
 * NoEcho values from a link never reach the browser's state.
 */
export function LaunchWizard({
  regions,
  initialRegion,
  prefill,
}: {
  regions: readonly string[];
  initialRegion: string;
  prefill: QuickCreateParams;
}) {
  const { data, error, mutate } = useSWR<LaunchTemplateView, AppError>(
    launchTemplateKey(initialRegion),
    fetchJson,
    { revalidateOnFocus: false },
  );

  if (data === undefined) {
    return error === undefined ? (
      <p className="text-sm text-slate-600" role="status" data-testid="launch-loading">
        Reading the template…
      </p>
    ) : (
      <Banner tone="bad" alert testId="launch-error">
        The template could not be read: {error.message}{' '}
        <button type="button" className="underline" onClick={() => void mutate()}>
          Try again
        </button>
      </Banner>
    );
  }

  return (
    <LaunchSession
      initialView={data}
      regions={regions}
      initialRegion={initialRegion}
      prefill={prefill}
    />
  );
}
