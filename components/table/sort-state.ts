import type { SortSpec } from './columns';

/**
 * The sorting after a click on a column's header: sort by that column, ascending; a second
 * click on the same column reverses it. One column at a time, as people read an ops table.
 */
export function toggledSorting(current: readonly SortSpec[], columnId: string): SortSpec[] {
  const now = current[0];
  if (now?.id === columnId) return [{ id: columnId, desc: !now.desc }];
  return [{ id: columnId, desc: false }];
}

/** How the header of `columnId` reads the sorting, for `aria-sort` and its arrow. */
export function sortDirectionOf(
  sorting: readonly SortSpec[],
  columnId: string,
): 'ascending' | 'descending' | 'none' {
  const spec = sorting.find((entry) => entry.id === columnId);
  if (spec === undefined) return 'none';
  return spec.desc ? 'descending' : 'ascending';
}
