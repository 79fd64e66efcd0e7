'use client';

import Link from 'next/link';
import { NowProvider } from '@/lib/client/now';
import { useOverview } from '@/lib/client/swr';
import { DataTable } from '../table/DataTable';
import { Banner } from '../ui/Banner';
import { OVERVIEW_COLUMNS } from './overview-columns';

const LAUNCH_BUTTON =
  'inline-flex items-center rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';

/**
 * Every Jenkins stack of this kind in every configured region, each with its verdict, plus the
 * regions that could not be read and a way to launch one.
 */
export function OverviewPage() {
  const { data, error } = useOverview();
  return (
    // Ages tick slowly here: the list itself refreshes every 15 s.
    <NowProvider intervalMs={5_000}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Jenkins stacks</h1>
            <p className="text-sm text-slate-600">
              {data === undefined
                ? 'Stacks launched from this project’s template.'
                : `Stacks launched from this project’s template in ${data.regions.join(', ')}.`}
            </p>
          </div>
          <Link href="/launch" className={LAUNCH_BUTTON} data-testid="launch-stack">
            Launch a stack
          </Link>
        </div>

        {error !== undefined && error.kind !== 'unauthorized' ? (
          <Banner tone="warn" testId="overview-error">
            {data === undefined ? 'Could not list the stacks' : 'Could not refresh the list'}:{' '}
            {error.message} Retrying.
          </Banner>
        ) : null}

        {data?.regionErrors.map((regionError) => (
          <Banner key={regionError.region} tone="warn" testId="region-error">
            <span className="font-medium">{regionError.region}:</span> could not list stacks:{' '}
            {regionError.message}
          </Banner>
        ))}

        {data === undefined ? (
          error === undefined ? (
            <p className="text-sm text-slate-500" role="status">
              Looking for stacks…
            </p>
          ) : null
        ) : data.stacks.length === 0 ? (
          <EmptyState regions={data.regions} />
        ) : (
          <DataTable
            columns={OVERVIEW_COLUMNS}
            rows={data.stacks}
            rowKey={(stack) => `${stack.region}/${stack.name}`}
            label="Jenkins stacks"
            testId="overview-stacks"
            emptyText="No stacks."
            initialSorting={[{ id: 'name', desc: false }]}
            minWidth="64rem"
          />
        )}
      </div>
    </NowProvider>
  );
}

function EmptyState({ regions }: { regions: readonly string[] }) {
  return (
    <div
      className="rounded-md border border-dashed border-slate-300 bg-white px-6 py-10 text-center"
      data-testid="overview-empty"
    >
      <h2 className="text-base font-semibold text-slate-900">No Jenkins stack yet</h2>
      <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
        No stack launched from this project’s template was found in {regions.join(', ')}. Launch
        one: the form is built from the CloudFormation template, shows a change-set review before
        anything is created, then follows the stack until Jenkins answers.
      </p>
      <Link href="/launch" className={`mt-4 ${LAUNCH_BUTTON}`}>
        Launch your first stack
      </Link>
    </div>
  );
}
