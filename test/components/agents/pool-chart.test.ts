import { describe, expect, it } from 'vitest';
import { poolChartGeometry } from '@/components/agents/pool-chart';

const sample = (minute: number, pool: number, cap: number | undefined, queue?: number) => ({
  at: new Date(Date.UTC(2024, 4, 1, 12, minute)).toISOString(),
  pool,
  cap,
  queue,
});

describe('poolChartGeometry', () => {
  it('draws each series as steps from the first sample to the last', () => {
    const geometry = poolChartGeometry(
      [sample(0, 2, 10, 0), sample(30, 10, 10, 8), sample(60, 10, 10, 3)],
      100,
      50,
    );

    expect(geometry.top).toBe(10);
    expect(geometry.pool).toBe('0,40 50,40 50,0 100,0 100,0');
    expect(geometry.cap).toBe('0,0 50,0 50,0 100,0 100,0');
    expect(geometry.queue).toBe('0,50 50,50 50,10 100,10 100,35');
  });

  it('scales to the largest value, including a queue above the cap', () => {
    expect(poolChartGeometry([sample(0, 1, 4, 20), sample(1, 4, 4, 25)], 100, 50).top).toBe(25);
  });

  it('breaks a series where its value is unknown', () => {
    const geometry = poolChartGeometry(
      [sample(0, 1, 4), sample(1, 2, 4), sample(2, 3, 4, 5)],
      100,
      50,
    );

    expect(geometry.queue).toBe('100,0');
  });

  it('keeps a flat chart of zeros on the bottom edge', () => {
    const geometry = poolChartGeometry(
      [sample(0, 0, undefined, 0), sample(5, 0, undefined, 0)],
      100,
      50,
    );

    expect(geometry.top).toBe(1);
    expect(geometry.pool).toBe('0,50 100,50 100,50');
    expect(geometry.cap).toBe('');
  });
});
