import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForExactText } from '../support/wait';

/** The ops page of one stack: verdict, controller, agent pool and the scale-limits panel. */
export class StackPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(stackName: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/stacks/${stackName}?region=eu-west-1`);
    await this.page.getByTestId('verdict').waitFor({ state: 'visible', timeout: 30_000 });
  }

  async number(testId: string): Promise<number> {
    return Number(
      ((await this.page.getByTestId(testId).textContent()) ?? '').replace(/[^\d]/g, ''),
    );
  }

  /** Waits until `check` holds for the number shown under `testId`. */
  async waitForNumber(
    testId: string,
    check: (value: number) => boolean,
    timeout = 120_000,
  ): Promise<number> {
    let last = Number.NaN;
    await expect
      .poll(
        async () => {
          last = await this.number(testId).catch(() => Number.NaN);
          return check(last);
        },
        { timeout, interval: 1_000, message: `waiting on ${testId}, last ${last}` },
      )
      .toBe(true);
    return last;
  }

  async waitForVerdict(level: string, timeout = 120_000): Promise<void> {
    await waitForExactText(this.page.getByTestId('verdict'), level, timeout);
  }

  /** Sets scale limits in the panel and clicks Apply once. */
  async applyScale(values: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      await this.page.getByTestId(`scale-${key}`).fill(value);
    }
    await this.page.getByTestId('scale-apply').click();
  }

  outcome() {
    return this.page.getByTestId('scale-outcome');
  }

  historyRows() {
    return this.page.getByTestId('scale-history-row');
  }
}
