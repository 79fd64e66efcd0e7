import { stackActions } from '@/lib/stacks/status';
import type { StackView } from '@/lib/status/types';
import { Panel } from '../ui/Panel';
import { TimeAgo } from '../ui/TimeAgo';
import { StackStatusBadge } from '../status/StackStatusBadge';
import { OutputsTable } from './OutputsTable';

/** The CloudFormation stack: status and why, when it changed, its Jenkins URL and outputs. */
export function StackSummary({ stack }: { stack: StackView }) {
  const blocked = stackActions(stack.status).editBlockedBecause;
  return (
    <Panel title="Stack" testId="stack-summary">
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        <dt className="text-slate-500">Status</dt>
        <dd>
          <StackStatusBadge status={stack.status} testId="stack-status" />
          {stack.statusReason === undefined ? null : (
            <div className="mt-1 text-slate-700" data-testid="stack-status-reason">
              {stack.statusReason}
            </div>
          )}
        </dd>
        <dt className="text-slate-500">Jenkins</dt>
        <dd>
          {stack.jenkinsUrl === undefined ? (
            <span className="text-slate-500">no URL yet</span>
          ) : (
            <a
              href={stack.jenkinsUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="text-sky-700 underline underline-offset-2 hover:text-sky-900"
              data-testid="jenkins-url"
            >
              {stack.jenkinsUrl}
            </a>
          )}
        </dd>
        <dt className="text-slate-500">Region</dt>
        <dd data-testid="stack-region">{stack.region}</dd>
        <dt className="text-slate-500">Created</dt>
        <dd>
          <TimeAgo at={stack.createdAt} />
        </dd>
        <dt className="text-slate-500">Last change</dt>
        <dd>
          {stack.updatedAt === undefined ? 'never updated' : <TimeAgo at={stack.updatedAt} />}
        </dd>
        <dt className="text-slate-500">Protection</dt>
        <dd>{stack.terminationProtection ? 'termination protection on' : 'off'}</dd>
        {blocked === undefined ? null : (
          <>
            <dt className="text-slate-500">Changes</dt>
            <dd className="text-amber-900" data-testid="edit-blocked">
              {blocked}
            </dd>
          </>
        )}
      </dl>
      <div className="mt-4">
        <OutputsTable outputs={stack.outputs} />
      </div>
    </Panel>
  );
}
