'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import type { CSSProperties, ReactNode, RefObject } from 'react';
import { OVERSCAN, rowPlacement } from './row-placement';

export interface VirtualRowsProps {
  readonly frameRef: RefObject<HTMLDivElement | null>;
  readonly count: number;
  readonly rowHeight: number;
  readonly height: number;
  /** The header's height: rows start below it, inside the same scroll area. */
  readonly headerHeight: number;
  readonly rowKeyAt: (index: number) => string;
  readonly renderRow: (index: number, style: CSSProperties) => ReactNode;
}

/**
 * Only the rows inside the scroll area's view (and a few either side), placed at their
 * offsets in a spacer as tall as every row: 5,000 agents cost the DOM what 30 do. Loaded on
 * its own, only by tables long enough to need it.
 */
export default function VirtualRows(props: VirtualRowsProps) {
  const { frameRef, count, rowHeight, height, headerHeight, rowKeyAt, renderRow } = props;
  // The virtualizer returns fresh functions each render by design; nothing here is memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => frameRef.current,
    estimateSize: () => rowHeight,
    getItemKey: rowKeyAt,
    overscan: OVERSCAN,
    scrollMargin: headerHeight,
    // Before the browser measures (and when rendered on the server), assume the full height.
    initialRect: { width: 0, height },
  });

  return (
    <div
      role="rowgroup"
      data-virtualised="true"
      className="relative"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer
        .getVirtualItems()
        .map((item) => renderRow(item.index, rowPlacement(item.start - headerHeight, rowHeight)))}
    </div>
  );
}
