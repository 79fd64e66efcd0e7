'use client';

import type { StackOutputView } from '@/lib/status/types';
import type { TableColumn } from '../table/columns';
import { DataTable } from '../table/DataTable';
import { isWebUrl } from './parameter-display';

const COLUMNS: TableColumn<StackOutputView>[] = [
  {
    id: 'key',
    header: 'Output',
    width: 'minmax(10rem, 1fr)',
    sortValue: (output) => output.key,
    cell: (output) => (
      <span className="font-medium" title={output.description}>
        {output.key}
      </span>
    ),
  },
  {
    id: 'value',
    header: 'Value',
    width: 'minmax(14rem, 2.5fr)',
    sortValue: (output) => output.value,
    cell: (output) =>
      isWebUrl(output.value) ? (
        <a
          href={output.value}
          target="_blank"
          rel="noopener noreferrer"
          className="break-all text-sky-700 underline underline-offset-2 hover:text-sky-900"
        >
          {output.value}
        </a>
      ) : (
        <span className="break-all font-mono text-xs">{output.value}</span>
      ),
  },
];

/** The stack's outputs; web addresses (the Jenkins URL) are links. */
export function OutputsTable({ outputs }: { outputs: readonly StackOutputView[] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={outputs}
      rowKey={(output) => output.key}
      label="Stack outputs"
      testId="outputs"
      emptyText="No outputs yet: they appear when the stack finishes creating."
      initialSorting={[{ id: 'key', desc: false }]}
    />
  );
}
