import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Waiting assertions on page elements, built on vitest's `expect.poll` (playwright-core has no
 * test runner and no `expect` of its own).
 */
export async function waitForText(
  locator: Locator,
  expected: string | RegExp,
  timeout = 30_000,
): Promise<string> {
  let last = '';
  await expect
    .poll(
      async () => {
        last = (
          (await locator
            .first()
            .textContent({ timeout: 1_000 })
            .catch(() => '')) ?? ''
        ).trim();
        return typeof expected === 'string' ? last.includes(expected) : expected.test(last);
      },
      { timeout, interval: 500, message: `waiting for ${String(expected)}, last text: "${last}"` },
    )
    .toBe(true);
  return last;
}

export async function waitForExactText(
  locator: Locator,
  expected: string,
  timeout = 30_000,
): Promise<void> {
  await expect
    .poll(
      async () => ((await locator.textContent({ timeout: 1_000 }).catch(() => '')) ?? '').trim(),
      {
        timeout,
        interval: 500,
      },
    )
    .toBe(expected);
}

export async function waitForCount(
  locator: Locator,
  count: number,
  timeout = 30_000,
): Promise<void> {
  await expect.poll(() => locator.count(), { timeout, interval: 500 }).toBe(count);
}
