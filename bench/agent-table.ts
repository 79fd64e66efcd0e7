import type { Page } from 'playwright-core';
import type { SignedInDashboard } from './dashboard';
import { median } from './sandbox-stack';
import type { Figure } from './figure';

const TABLE = '[data-testid="agent-table"]';
const COUNT = '[data-testid="agent-visible-count"]';
/** Columns to sort by, each clicked twice (ascending, then descending). */
const SORT_COLUMNS = ['Instance', 'State', 'Type', 'AZ', 'Age'];
const SCROLL_STEPS = 12;

/** Notes the first frame on which the table shows every agent, against the page's clock. */
const SHOWN_WATCHER = (total: number) => `
  window.__tableShownAt = undefined;
  const watch = () => {
    const count = document.querySelector('${COUNT}');
    if (count && count.textContent && count.textContent.includes('of ${total}') &&
        document.querySelector('${TABLE} [role="row"][data-row-key]')) {
      window.__tableShownAt = performance.now();
      return;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
`;

// The in-page steps are plain JavaScript text: functions handed to page.evaluate would carry
// the `__name` helper tsx adds to named functions, which does not exist in the page.

/** Resolves on the frame after the change: React renders, the browser paints, then a task. */
const NEXT_FRAME =
  'const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));';

async function sortLatencies(page: Page): Promise<number[]> {
  return page.evaluate(`(async () => {
    ${NEXT_FRAME}
    const times = [];
    for (const column of ${JSON.stringify(SORT_COLUMNS)}) {
      const button = document.querySelector('button[aria-label="Sort agent instances by ' + column + '"]');
      if (button === null) continue;
      for (let click = 0; click < 2; click += 1) {
        const start = performance.now();
        button.click();
        await nextFrame();
        times.push(performance.now() - start);
      }
    }
    return times;
  })()`);
}

async function scrollLatencies(page: Page): Promise<{ times: number[]; moved: number }> {
  // The scroll event comes before the next frame and the virtualiser renders on it; the new
  // rows are painted by the frame after.
  return page.evaluate(`(async () => {
    ${NEXT_FRAME}
    const table = document.querySelector('${TABLE}');
    if (table === null) return { times: [], moved: 0 };
    const firstRowIndex = () => Math.min(...[...table.querySelectorAll('[role="row"][data-row-key]')]
      .map((row) => Number(row.getAttribute('aria-rowindex'))));
    const times = [];
    let moved = 0;
    const steps = ${SCROLL_STEPS};
    const jump = Math.floor(table.scrollHeight / (steps + 1));
    for (let step = 1; step <= steps; step += 1) {
      const before = firstRowIndex();
      const start = performance.now();
      table.scrollTop = jump * step;
      await nextFrame();
      await nextFrame();
      times.push(performance.now() - start);
      if (firstRowIndex() !== before) moved += 1;
    }
    return { times, moved };
  })()`);
}

/** Time from the snapshot's response to the table showing every agent. */
async function renderTimes(page: Page, apiPath: string) {
  return page.evaluate<{ shownAt: number; afterResponse: number }>(`(() => {
    const shownAt = window.__tableShownAt;
    const ends = performance.getEntriesByType('resource')
      .filter((entry) => entry.name.includes(${JSON.stringify(apiPath)}))
      .map((entry) => entry.responseEnd)
      .filter((end) => end > 0 && end <= shownAt);
    const response = ends[ends.length - 1];
    return { shownAt, afterResponse: response === undefined ? NaN : shownAt - response };
  })()`);
}

/**
 * The stack page with a pool of `total` agents: time from the snapshot's response to the table
 * showing them all, then sorting by column header and scrolling the virtualised list, each
 * timed to the frame after the change was painted.
 */
export async function measureAgentTable(
  dashboard: SignedInDashboard,
  stackPath: string,
  apiPath: string,
  total: number,
): Promise<Figure[]> {
  const context = await dashboard.newContext();
  try {
    await context.addInitScript(SHOWN_WATCHER(total));
    const page = await context.newPage();
    await page.goto(`${dashboard.dashboard.url}${stackPath}`);
    // A function, not text: the page's CSP forbids the eval a text predicate needs.
    await page.waitForFunction(
      () => (window as unknown as { __tableShownAt?: number }).__tableShownAt !== undefined,
      undefined,
      { timeout: 60_000 },
    );
    const render = await renderTimes(page, apiPath);
    const sorts = await sortLatencies(page);
    const scrolls = await scrollLatencies(page);
    const group = `Agent table with ${total.toLocaleString('en-GB')} rows`;
    return [
      {
        group,
        name: 'render after the snapshot arrives',
        value: render.afterResponse,
        unit: 'ms',
        target: { atMost: 100 },
        detail: `table shown ${Math.round(render.shownAt)} ms after navigation started`,
      },
      {
        group,
        name: 'sort by a column (worst)',
        value: Math.max(...sorts),
        unit: 'ms',
        target: { atMost: 100 },
        detail: `${sorts.length} header clicks on ${SORT_COLUMNS.length} columns, median ${Math.round(median(sorts))} ms`,
      },
      {
        group,
        name: 'scroll the virtualised list (worst)',
        value: Math.max(...scrolls.times),
        unit: 'ms',
        target: { atMost: 100 },
        detail: `${scrolls.times.length} jumps through the list (${scrolls.moved} showed new rows), median ${Math.round(median(scrolls.times))} ms`,
      },
    ];
  } finally {
    await context.close();
  }
}
