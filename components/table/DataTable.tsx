'use client';

import {
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ReactTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import type { SortSpec, TableColumn } from './columns';
import { sortRows } from './sorting';

const features = tableFeatures({ rowSortingFeature });

/** The header row's height in pixels; virtual rows start below it. */
const HEADER_HEIGHT = 32;

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
  /** Renders only the visible rows of a fixed-height scroll area (thousands of rows). */
  readonly virtual?: { readonly rowHeight: number; readonly height: number };
  readonly rowClassName?: (row: Row) => string | undefined;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  readonly minWidth?: string;
}

function apply<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(previous) : updater;
}

/**
 * The one table of the dashboard: columns declared as data, sortable headers (click a header
 * to sort by it, again to reverse), and, for large pools, row virtualisation so 5,000 agents
 * scroll smoothly. TanStack Table owns the column model and sort state; the rows are ordered
 * by `sortRows` (so the same rule is unit-tested) and handed over pre-sorted.
 */
export function DataTable<Row extends object>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, label, testId, emptyText, virtual, rowClassName } = props;
  const frameRef = useRef<HTMLDivElement>(null);
  const [sorting, setSorting] = useState<SortingState>(() => [...(props.initialSorting ?? [])]);

  const definitions = useMemo(
    (): ColumnDef<typeof features, Row, unknown>[] =>
      columns.map((column) => ({
        id: column.id,
        header: column.header,
        accessorFn: (row: Row) => column.sortValue?.(row),
        cell: ({ row }) => column.cell(row.original),
        enableSorting: column.sortValue !== undefined,
      })),
    [columns],
  );
  const sorted = useMemo(() => sortRows(rows, columns, sorting), [rows, columns, sorting]);

  const table = useTable({
    features,
    columns: definitions,
    data: sorted,
    getRowId: (row) => rowKey(row),
    manualSorting: true,
    enableMultiSort: false,
    // Every column sorts ascending first (TanStack would start numeric columns descending);
    // columns whose natural first view is "newest" encode that in their sort value.
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater) => setSorting((previous) => apply(updater, previous)),
  });

  const grid: CSSProperties = {
    gridTemplateColumns: columns.map((column) => column.width).join(' '),
  };
  const tableRows = table.getRowModel().rows;
  const alignOf = (id: string) =>
    columns.find((column) => column.id === id)?.align === 'end' ? 'text-right' : 'text-left';

  const renderRow = (index: number, style?: CSSProperties) => {
    const row = tableRows[index];
    if (row === undefined) return null;
    return (
      <div
        key={row.id}
        role="row"
        aria-rowindex={index + 2}
        data-testid={`${testId}-row`}
        data-row-key={row.id}
        className={`grid items-center border-b border-slate-100 text-sm hover:bg-slate-50 ${
          rowClassName?.(row.original) ?? ''
        }`}
        style={{ ...grid, ...style }}
      >
        {row.getAllCells().map((cell) => (
          <div
            key={cell.id}
            role="cell"
            className={`min-w-0 px-2 py-1 ${virtual ? 'truncate' : 'break-words'} ${alignOf(
              cell.column.id,
            )}`}
          >
            <table.FlexRender cell={cell} />
          </div>
        ))}
      </div>
    );
  };

  const header = (
    <HeaderRow
      table={table}
      grid={grid}
      alignOf={alignOf}
      sticky={virtual !== undefined}
      tableLabel={label}
    />
  );
  const empty = tableRows.length === 0 ? <EmptyRow>{emptyText}</EmptyRow> : undefined;

  return (
    <div
      ref={frameRef}
      role="table"
      aria-label={label}
      aria-rowcount={tableRows.length + 1}
      data-testid={testId}
      className="overflow-auto rounded border border-slate-200 bg-white"
      style={virtual === undefined ? undefined : { maxHeight: virtual.height }}
    >
      <div style={{ minWidth: props.minWidth }}>
        {header}
        {empty ??
          (virtual === undefined ? (
            <div role="rowgroup">{tableRows.map((_, index) => renderRow(index))}</div>
          ) : (
            <VirtualRows
              frameRef={frameRef}
              count={tableRows.length}
              rowHeight={virtual.rowHeight}
              height={virtual.height}
              rowKeyAt={(index) => tableRows[index]?.id ?? String(index)}
              renderRow={renderRow}
            />
          ))}
      </div>
    </div>
  );
}

function HeaderRow<Row extends object>({
  table,
  grid,
  alignOf,
  sticky = false,
  tableLabel,
}: {
  table: ReactTable<typeof features, Row>;
  grid: CSSProperties;
  alignOf: (id: string) => string;
  sticky?: boolean;
  tableLabel: string;
}) {
  return (
    <div role="rowgroup" className={sticky ? 'sticky top-0 z-10' : undefined}>
      {table.getHeaderGroups().map((group) => (
        <div
          key={group.id}
          role="row"
          aria-rowindex={1}
          className="grid border-b border-slate-200 bg-slate-100 text-xs font-medium text-slate-600"
          style={{ ...grid, height: HEADER_HEIGHT }}
        >
          {group.headers.map((header) => {
            const sortedAs = header.column.getIsSorted();
            const ariaSort =
              sortedAs === 'asc' ? 'ascending' : sortedAs === 'desc' ? 'descending' : 'none';
            const title = String(header.column.columnDef.header ?? header.id);
            return (
              <div
                key={header.id}
                role="columnheader"
                aria-sort={header.column.getCanSort() ? ariaSort : undefined}
                className={`flex items-center px-2 ${alignOf(header.column.id)}`}
              >
                {header.column.getCanSort() ? (
                  <button
                    type="button"
                    onClick={header.column.getToggleSortingHandler()}
                    // Unique across the page: several tables have a "State" column.
                    aria-label={`Sort ${tableLabel.toLowerCase()} by ${title}`}
                    className="flex w-full items-center gap-1 text-left hover:text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
                  >
                    <span>{title}</span>
                    <span aria-hidden className="text-slate-400">
                      {sortedAs === 'asc' ? '▲' : sortedAs === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                ) : (
                  <span>{title}</span>
                )}
              </div>
            );
          })}
        </div>
      ))}
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

function VirtualRows(props: {
  frameRef: RefObject<HTMLDivElement | null>;
  count: number;
  rowHeight: number;
  height: number;
  rowKeyAt: (index: number) => string;
  renderRow: (index: number, style: CSSProperties) => ReactNode;
}) {
  const { frameRef, count, rowHeight, height, rowKeyAt, renderRow } = props;
  // The virtualizer returns fresh functions each render by design; nothing here is memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => frameRef.current,
    estimateSize: () => rowHeight,
    getItemKey: rowKeyAt,
    overscan: 12,
    // Rows sit below the sticky header inside the same scroll area.
    scrollMargin: HEADER_HEIGHT,
    // Before the browser measures (and when rendered on the server), assume the full height.
    initialRect: { width: 0, height },
  });

  return (
    <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) =>
        renderRow(item.index, {
          position: 'absolute',
          top: 0,
          left: 0,
          width: '100%',
          height: rowHeight,
          transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
        }),
      )}
    </div>
  );
}
