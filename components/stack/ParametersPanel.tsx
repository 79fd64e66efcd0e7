'use client';

import type { StackParameterView } from '@/lib/status/types';
import type { TableColumn } from '../table/columns';
import { DataTable } from '../table/DataTable';
import { Panel } from '../ui/Panel';
import { parameterDisplay } from './parameter-display';

const COLUMNS: TableColumn<StackParameterView>[] = [
  {
    id: 'key',
    header: 'Parameter',
    width: 'minmax(11.5rem, 1fr)',
    sortValue: (parameter) => parameter.key,
    cell: (parameter) => <span className="font-medium">{parameter.key}</span>,
  },
  {
    id: 'value',
    header: 'Value',
    width: 'minmax(12rem, 1.6fr)',
    cell: (parameter) => {
      const shown = parameterDisplay(parameter);
      if (shown.hidden) return <span className="italic text-slate-500">hidden</span>;
      return (
        <span className="break-all font-mono text-xs">
          {shown.value === '' ? <span className="text-slate-400">(empty)</span> : shown.value}
          {shown.resolved === undefined ? null : (
            <span className="block text-slate-500">→ {shown.resolved}</span>
          )}
        </span>
      );
    },
  },
];

/** The stack's parameters as CloudFormation holds them; NoEcho values read "hidden". */
export function ParametersPanel({ parameters }: { parameters: readonly StackParameterView[] }) {
  return (
    <Panel title="Parameters" testId="parameters">
      <DataTable
        columns={COLUMNS}
        rows={parameters}
        rowKey={(parameter) => parameter.key}
        label="Stack parameters"
        testId="parameters-table"
        emptyText="No parameters."
        initialSorting={[{ id: 'key', desc: false }]}
      />
    </Panel>
  );
}
