import type { PoolSample } from '@/lib/status/types';

/** The drawn lines of the pool chart, in SVG user units. */
export interface PoolChartGeometry {
  /** `points` of an SVG polyline each; empty when the series has no values. */
  readonly pool: string;
  readonly cap: string;
  readonly queue: string;
  /** The value at the top edge of the chart. */
  readonly top: number;
}

type Series = (sample: PoolSample) => number | undefined;

function stepPoints(
  samples: readonly PoolSample[],
  value: Series,
  x: (at: number) => number,
  y: (value: number) => number,
): string {
  const points: string[] = [];
  let previous: number | undefined;
  for (const sample of samples) {
    const current = value(sample);
    const at = x(Date.parse(sample.at));
    if (current === undefined) {
      previous = undefined;
      continue;
    }
    // Counts hold until the next sample: draw steps, not slopes between polls.
    if (previous !== undefined) points.push(`${at},${y(previous)}`);
    points.push(`${at},${y(current)}`);
    previous = current;
  }
  return points.join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Lays out pool size, cap and queue length over time in a `width` × `height` box: time runs
 * left to right from the first sample to the last, values bottom to top from 0 to the
 * largest value seen (at least 1), each series as steps. Samples must be oldest first.
 */
export function poolChartGeometry(
  samples: readonly PoolSample[],
  width: number,
  height: number,
): PoolChartGeometry {
  const values = samples.flatMap((sample) =>
    [sample.pool, sample.cap, sample.queue].filter((value) => value !== undefined),
  );
  const top = Math.max(1, ...values);
  const times = samples.map((sample) => Date.parse(sample.at));
  const first = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - first);
  const x = (at: number) => round(((at - first) / span) * width);
  const y = (value: number) => round(height - (value / top) * height);

  return {
    pool: stepPoints(samples, (sample) => sample.pool, x, y),
    cap: stepPoints(samples, (sample) => sample.cap, x, y),
    queue: stepPoints(samples, (sample) => sample.queue, x, y),
    top,
  };
}
