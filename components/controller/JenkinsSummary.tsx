import { formatResponseTime } from '@/lib/client/format';
import type { HealthCheckView, JenkinsView } from '@/lib/status/types';
import { Pill } from '../ui/Pill';

/** Whether Jenkins answers its login page, how fast, which version, and its build queue. */
export function JenkinsSummary({ jenkins }: { jenkins: JenkinsView | undefined }) {
  if (jenkins === undefined) {
    return (
      <div className="text-sm text-slate-500" data-testid="jenkins-summary">
        Jenkins not probed yet (no URL, or the stack is still creating).
      </div>
    );
  }
  return (
    <dl
      className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm"
      data-testid="jenkins-summary"
    >
      <dt className="text-slate-500">Jenkins</dt>
      <dd>
        <Pill tone={jenkins.reachable ? 'good' : 'bad'} testId="jenkins-reachable">
          {jenkins.reachable ? 'reachable' : 'unreachable'}
        </Pill>
        {jenkins.httpStatus === undefined ? null : (
          <span className="ml-2 text-xs text-slate-500">HTTP {jenkins.httpStatus}</span>
        )}
      </dd>
      <dt className="text-slate-500">Version</dt>
      <dd data-testid="jenkins-version">{jenkins.version ?? '—'}</dd>
      <dt className="text-slate-500">Response time</dt>
      <dd className="tabular-nums" data-testid="jenkins-response-time">
        {formatResponseTime(jenkins.responseMs)}
      </dd>
      <dt className="text-slate-500">Build queue</dt>
      <dd className="tabular-nums" data-testid="jenkins-queue">
        {jenkins.queueLength === undefined ? '—' : `${jenkins.queueLength} waiting`}
        {jenkins.stuckItems !== undefined && jenkins.stuckItems > 0 ? (
          <span className="ml-1 text-amber-800">({jenkins.stuckItems} stuck)</span>
        ) : null}
      </dd>
      {jenkins.error === undefined ? null : (
        <>
          <dt className="text-slate-500">Error</dt>
          <dd className="text-red-800">{jenkins.error}</dd>
        </>
      )}
    </dl>
  );
}

/** The target group's health check, which decides whether the controller gets traffic. */
export function HealthCheckSummary({ check }: { check: HealthCheckView | undefined }) {
  if (check === undefined) return null;
  const rows: [string, string | undefined][] = [
    ['Path', check.path],
    ['Port', check.port],
    ['Success codes', check.matcher],
    ['Interval', check.intervalSeconds === undefined ? undefined : `${check.intervalSeconds} s`],
    [
      'Healthy after',
      check.healthyThreshold === undefined ? undefined : `${check.healthyThreshold} checks`,
    ],
  ];
  return (
    <div data-testid="health-check">
      <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Health check
      </div>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-mono text-xs leading-5">{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
