import type { SortSpec, SortValue, TableColumn } from './columns';

// Not `numeric`: instance and task ids are fixed-width hex, where "natural" order would read
// digit runs as numbers and put i-…0a before i-…01. Columns that need numeric order (IPs,
// ages) give numbers as their sort value instead.
const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Ascending order of two sort values: numbers by value, text alphabetically ignoring case,
 * numbers before text. Empty values are left to the caller.
 */
export function compareSortValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(a, b);
}

function isEmpty(value: SortValue): value is undefined {
  return value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

/**
 * The rows in the order `sorting` asks for, by each named column's `sortValue`, earlier specs
 * first. Empty values go last in both directions (an agent without an IP is never "first"),
 * ties keep the incoming order, and unknown or unsortable columns are ignored. Returns a new
 * array; the input is not touched.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  sorting: readonly SortSpec[],
): Row[] {
  const keys = sorting.flatMap((spec) => {
    const sortValue = columns.find((column) => column.id === spec.id)?.sortValue;
    return sortValue === undefined ? [] : [{ sortValue, direction: spec.desc ? -1 : 1 }];
  });
  if (keys.length === 0) return [...rows];

  const decorated = rows.map((row, index) => ({
    row,
    index,
    values: keys.map((key) => key.sortValue(row)),
  }));
  decorated.sort((a, b) => {
    for (const [position, key] of keys.entries()) {
      const left = a.values[position];
      const right = b.values[position];
      if (isEmpty(left) || isEmpty(right)) {
        if (isEmpty(left) && isEmpty(right)) continue;
        return isEmpty(left) ? 1 : -1;
      }
      const order = compareSortValues(left, right) * key.direction;
      if (order !== 0) return order;
    }
    return a.index - b.index;
  });
  return decorated.map((entry) => entry.row);
}
