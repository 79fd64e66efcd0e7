import { describe, expect, it } from 'vitest';
import { sortDirectionOf, toggledSorting } from '@/components/table/sort-state';

describe('sorting by a header click', () => {
  it('sorts by a new column ascending', () => {
    expect(toggledSorting([], 'age')).toEqual([{ id: 'age', desc: false }]);
    expect(toggledSorting([{ id: 'state', desc: true }], 'age')).toEqual([
      { id: 'age', desc: false },
    ]);
  });

  it('reverses the column it already sorts by, back and forth', () => {
    const once = toggledSorting([{ id: 'age', desc: false }], 'age');
    expect(once).toEqual([{ id: 'age', desc: true }]);
    expect(toggledSorting(once, 'age')).toEqual([{ id: 'age', desc: false }]);
  });

  it('tells each header how the table is sorted', () => {
    const sorting = [{ id: 'age', desc: true }];
    expect(sortDirectionOf(sorting, 'age')).toBe('descending');
    expect(sortDirectionOf([{ id: 'age', desc: false }], 'age')).toBe('ascending');
    expect(sortDirectionOf(sorting, 'state')).toBe('none');
  });
});
