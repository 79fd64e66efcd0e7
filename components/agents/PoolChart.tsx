import type { AgentStartTimes, PoolSample } from '@/lib/status/types';
import { formatDuration } from '@/lib/client/format';
import { poolChartGeometry } from './pool-chart';

const WIDTH = 480;
const HEIGHT = 96;

/**
 * Pool size against the cap and the build queue over the last hour, as small step lines, so
 * "the pool is stuck at the cap while the queue grows" is visible at a glance.
 */
export function PoolChart({ samples }: { samples: readonly PoolSample[] }) {
  if (samples.length < 2) {
    return (
      <p className="text-xs text-slate-500" data-testid="pool-chart">
        The pool chart fills in as this dashboard keeps watching (last hour).
      </p>
    );
  }
  const geometry = poolChartGeometry(samples, WIDTH, HEIGHT);
  const last = samples[samples.length - 1];
  const label = `Over the last hour: pool ${last?.pool ?? '?'} agents, cap ${
    last?.cap ?? 'unknown'
  }, queue ${last?.queue ?? 'unknown'} now.`;

  return (
    <figure data-testid="pool-chart" className="text-xs text-slate-500">
      <div className="flex items-stretch gap-1">
        <div className="flex flex-col justify-between text-right tabular-nums">
          <span>{geometry.top}</span>
          <span>0</span>
        </div>
        <svg
          role="img"
          aria-label={label}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-24 w-full max-w-xl rounded border border-slate-200 bg-slate-50"
        >
          <polyline
            points={geometry.cap}
            fill="none"
            strokeWidth={1.5}
            strokeDasharray="4 3"
            vectorEffect="non-scaling-stroke"
            className="stroke-red-500"
          />
          <polyline
            points={geometry.queue}
            fill="none"
            strokeWidth={1.5}
            vectorEffect="non-scaling-stroke"
            className="stroke-slate-500"
          />
          <polyline
            points={geometry.pool}
            fill="none"
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
            className="stroke-sky-600"
          />
        </svg>
      </div>
      <figcaption className="mt-1 flex gap-3">
        <span className="text-sky-700">— pool</span>
        <span className="text-red-600">- - cap</span>
        <span className="text-slate-600">— queue</span>
        <span className="ml-auto">last hour → now</span>
      </figcaption>
    </figure>
  );
}

/** How long new agents took from launch to a Jenkins node online, when any has been seen. */
export function AgentStartTimesNote({ times }: { times: AgentStartTimes | undefined }) {
  if (times === undefined) {
    return (
      <span className="text-xs text-slate-500" data-testid="agent-start-times">
        Launch-to-online time: not seen yet.
      </span>
    );
  }
  return (
    <span className="text-xs text-slate-600" data-testid="agent-start-times">
      Launch-to-online: median {formatDuration(times.medianSeconds * 1_000)}, latest{' '}
      {formatDuration(times.latestSeconds * 1_000)} ({times.samples}{' '}
      {times.samples === 1 ? 'agent' : 'agents'})
    </span>
  );
}
