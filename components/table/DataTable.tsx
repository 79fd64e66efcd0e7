'use client';

import {
  lazy,
  Suspense,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type CSSProperties,
  type ReactNode,
} from 'react';
import type { SortSpec, TableColumn } from './columns';
import { OVERSCAN, rowPlacement } from './row-placement';
import type { VirtualRowsProps } from './VirtualRows';
import { sortDirectionOf, toggledSorting } from './sort-state';
import { sortRows } from './sorting';

// Loaded only when a table grows past VIRTUALISE_ABOVE rows: most pages never pay for it.
// Should the chunk be gone (a deploy replaced it under an open tab), every row is drawn.
const VirtualRows = lazy((): Promise<{ default: ComponentType<VirtualRowsProps> }> =>
  import('./VirtualRows').catch(() => ({ default: EveryRow })),
);

/** The header row's height in pixels; virtual rows start below it. */
const HEADER_HEIGHT = 32;

/** A virtual table renders every row up to this many, and only the visible ones beyond. */
export const VIRTUALISE_ABOVE = 100;

export interface DataTableProps<Row extends object> {
  readonly columns: readonly TableColumn<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  /** The table's accessible name. */
  readonly label: string;
  /** `data-testid` of the table; each row gets `<testId>-row` and `data-row-key`. */
  readonly testId: string;
  readonly emptyText: ReactNode;
  readonly initialSorting?: readonly SortSpec[];
  /** A fixed-height scroll area that renders only the visible rows once there are many. */
  readonly virtual?: { readonly rowHeight: number; readonly height: number };
  readonly rowClassName?: (row: Row) => string | undefined;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  readonly minWidth?: string;
}

/**
 * The one table of the dashboard: columns declared as data, sortable headers (click a header
 * to sort by it, again to reverse), and, for long tables, row virtualisation (TanStack
 * Virtual) so 5,000 agents scroll smoothly. The rows are ordered by `sortRows`, the same rule
 * the unit tests hold.
 */
export function DataTable<Row extends object>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, label, testId, emptyText, virtual, rowClassName } = props;
  const frameRef = useRef<HTMLDivElement>(null);
  const [sorting, setSorting] = useState<readonly SortSpec[]>(() => props.initialSorting ?? []);
  const sorted = useMemo(() => sortRows(rows, columns, sorting), [rows, columns, sorting]);

  const grid: CSSProperties = {
    gridTemplateColumns: columns.map((column) => column.width).join(' '),
  };
  const alignOf = (column: TableColumn<Row>) =>
    column.align === 'end' ? 'text-right' : 'text-left';

  const renderRow = (index: number, style?: CSSProperties) => {
    const row = sorted[index];
    if (row === undefined) return null;
    const key = rowKey(row);
    return (
      <div
        key={key}
        role="row"
        aria-rowindex={index + 2}
        data-testid={`${testId}-row`}
        data-row-key={key}
        className={`grid items-center border-b border-slate-100 text-sm hover:bg-slate-50 ${
          rowClassName?.(row) ?? ''
        }`}
        style={{ ...grid, ...style }}
      >
        {columns.map((column) => (
          <div
            key={column.id}
            role="cell"
            className={`min-w-0 px-2 py-1 ${virtual ? 'truncate' : 'break-words'} ${alignOf(column)}`}
          >
            {column.cell(row)}
          </div>
        ))}
      </div>
    );
  };

  let body: ReactNode;
  if (sorted.length === 0) {
    body = <EmptyRow>{emptyText}</EmptyRow>;
  } else if (virtual === undefined || sorted.length <= VIRTUALISE_ABOVE) {
    body = <div role="rowgroup">{sorted.map((_, index) => renderRow(index))}</div>;
  } else {
    const view = { count: sorted.length, ...virtual, renderRow };
    body = (
      <Suspense fallback={<FirstRows {...view} />}>
        <VirtualRows
          {...view}
          frameRef={frameRef}
          headerHeight={HEADER_HEIGHT}
          rowKeyAt={(index) => {
            const row = sorted[index];
            return row === undefined ? String(index) : rowKey(row);
          }}
        />
      </Suspense>
    );
  }

  return (
    <div
      ref={frameRef}
      role="table"
      aria-label={label}
      aria-rowcount={sorted.length + 1}
      data-testid={testId}
      className="overflow-auto rounded border border-slate-200 bg-white"
      style={virtual === undefined ? undefined : { maxHeight: virtual.height }}
    >
      <div style={{ minWidth: props.minWidth }}>
        <HeaderRow
          columns={columns}
          sorting={sorting}
          onSort={(id) => setSorting((current) => toggledSorting(current, id))}
          grid={grid}
          alignOf={alignOf}
          sticky={virtual !== undefined}
          tableLabel={label}
        />
        {body}
      </div>
    </div>
  );
}

function HeaderRow<Row>({
  columns,
  sorting,
  onSort,
  grid,
  alignOf,
  sticky,
  tableLabel,
}: {
  columns: readonly TableColumn<Row>[];
  sorting: readonly SortSpec[];
  onSort: (columnId: string) => void;
  grid: CSSProperties;
  alignOf: (column: TableColumn<Row>) => string;
  sticky: boolean;
  tableLabel: string;
}) {
  return (
    <div role="rowgroup" className={sticky ? 'sticky top-0 z-10' : undefined}>
      <div
        role="row"
        aria-rowindex={1}
        className="grid border-b border-slate-200 bg-slate-100 text-xs font-medium text-slate-600"
        style={{ ...grid, height: HEADER_HEIGHT }}
      >
        {columns.map((column) => {
          const sortable = column.sortValue !== undefined;
          const direction = sortDirectionOf(sorting, column.id);
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={sortable ? direction : undefined}
              className={`flex items-center px-2 ${alignOf(column)}`}
            >
              {sortable ? (
                <button
                  type="button"
                  onClick={() => onSort(column.id)}
                  // Unique across the page: several tables have a "State" column.
                  aria-label={`Sort ${tableLabel.toLowerCase()} by ${column.header}`}
                  className="flex w-full items-center gap-1 text-left hover:text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
                >
                  <span>{column.header}</span>
                  <span aria-hidden className="text-slate-400">
                    {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                <span>{column.header}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function EmptyRow({ children }: { children: ReactNode }) {
  return (
    <div role="row">
      <div role="cell" className="px-3 py-4 text-sm text-slate-500">
        {children}
      </div>
    </div>
  );
}

/**
 * What a long table shows while its virtualiser loads (and on the server): the first view of
 * rows at the offsets the virtualiser will use, in a spacer as tall as every row.
 */
function FirstRows(props: {
  count: number;
  rowHeight: number;
  height: number;
  renderRow: (index: number, style: CSSProperties) => ReactNode;
}) {
  const { count, rowHeight, height, renderRow } = props;
  const shown = Math.min(count, Math.ceil(height / rowHeight) + OVERSCAN);
  return (
    <div role="rowgroup" className="relative" style={{ height: count * rowHeight }}>
      {Array.from({ length: shown }, (_, index) =>
        renderRow(index, rowPlacement(index * rowHeight, rowHeight)),
      )}
    </div>
  );
}

/** Every row in the normal flow: the fallback when the virtualiser cannot be loaded. */
function EveryRow({ count, renderRow }: Pick<VirtualRowsProps, 'count' | 'renderRow'>) {
  return (
    <div role="rowgroup">{Array.from({ length: count }, (_, index) => renderRow(index, {}))}</div>
  );
}
