import type { CSSProperties } from 'react';

/** Rows drawn beyond the view on either side, so a scroll shows rows already in place. */
export const OVERSCAN = 12;

/**
 * Where one row of a long table sits: taken out of the flow and moved to its offset inside
 * a spacer as tall as every row. The virtualiser and the rows shown while it loads both
 * place rows this way, so nothing moves when one replaces the other.
 */
export function rowPlacement(offset: number, rowHeight: number): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: rowHeight,
    transform: `translateY(${offset}px)`,
  };
}
