'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { stackUpdatePath } from '@/components/update/update-requests';
import { newAttemptId } from '@/lib/client/attempt-id';
import { fetchJson } from '@/lib/client/fetcher';
import { postJson } from '@/lib/client/post';
import { useEnvironment } from '@/lib/client/swr';
import type { AppError } from '@/lib/errors';
import { unmanagedStackRefusal } from '@/lib/stacks/names';
import { stackActions } from '@/lib/stacks/status';
import type { StackView } from '@/lib/status/types';
import { Panel } from '../ui/Panel';

type Pending = 'cancel' | 'delete' | 'rollback' | undefined;

function stackPath(stack: StackView, action: string): string {
  return `/api/stacks/${encodeURIComponent(stack.name)}/${action}?region=${encodeURIComponent(stack.region)}`;
}

/**
 * The stack-level actions its status allows (C16–C19), each behind the role that may use it:
 * update (operator), cancel a running update (operator, with the warning that the rollback
 * takes time too), continue a failed rollback with optional skips (admin), delete (admin,
 * confirmed by typing the name), and relaunch after a failed first create.
 */
export function StackActions({
  stack,
  agentsRunning,
  reapsAgents,
  onChanged,
}: {
  stack: StackView;
  /** The EC2 plugin's agents of this stack: not stack resources, so a deletion meets them. */
  agentsRunning: number;
  /** The stack's AgentReaper terminates them on deletion (stacks made before it do not). */
  reapsAgents: boolean;
  onChanged: () => void;
}) {
  const actions = stackActions(stack.status);
  const environment = useEnvironment().data;
  const role = environment?.user.role;
  // A stack outside the IAM role's prefix is watched here, never changed (the API refuses too).
  const unmanaged = unmanagedStackRefusal(stack.name, environment?.stackNamePrefix);
  const operator = unmanaged === undefined && (role === 'operator' || role === 'admin');
  const admin = unmanaged === undefined && role === 'admin';
  const [pending, setPending] = useState<Pending>();
  const [confirmName, setConfirmName] = useState('');
  const [skip, setSkip] = useState<string[]>([]);
  const [retain, setRetain] = useState<string[]>([]);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const skippable = useSWR<{ skippable: string[] }, AppError>(
    actions.continueRollback && admin ? stackPath(stack, 'continue-rollback') : null,
    fetchJson,
  );
  const retainable = useSWR<{ retainable: string[] }, AppError>(
    stack.status === 'DELETE_FAILED' && admin ? stackPath(stack, 'delete') : null,
    fetchJson,
  );

  async function run(
    kind: Exclude<Pending, undefined>,
    action: string,
    body: Record<string, unknown>,
  ) {
    setPending(kind);
    setMessage(undefined);
    try {
      await postJson(stackPath(stack, action), { attemptId: newAttemptId(), ...body });
      setMessage({ tone: 'ok', text: 'Started. The status above follows it.' });
      onChanged();
    } catch (error) {
      setMessage({ tone: 'error', text: (error as AppError).message });
      // Refused because the stack moved on (someone else acted): show where it is now.
      onChanged();
    } finally {
      setPending(undefined);
    }
  }

  const buttons: React.ReactNode[] = [];
  if (actions.update && operator) {
    buttons.push(
      <a
        key="update"
        href={stackUpdatePath(stack.name, stack.region)}
        className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
        data-testid="update-stack-link"
      >
        Update stack (parameters or template)
      </a>,
    );
  }
  if (actions.createFromChangeSet || actions.relaunch) {
    buttons.push(
      <a
        key="launch"
        href={`/launch?stackName=${encodeURIComponent(stack.name)}&region=${encodeURIComponent(stack.region)}`}
        className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
        data-testid="relaunch-link"
      >
        {actions.relaunch ? 'Relaunch (after deleting)' : 'Continue with a new CREATE change set'}
      </a>,
    );
  }
  if (actions.cancelUpdate && operator) {
    buttons.push(
      <button
        key="cancel"
        type="button"
        disabled={pending !== undefined}
        onClick={() => void run('cancel', 'cancel-update', {})}
        className="rounded border border-amber-400 bg-amber-50 px-3 py-1.5 text-sm text-amber-950 hover:bg-amber-100 disabled:opacity-50"
        data-testid="cancel-update"
        title="CloudFormation rolls the update back, which can itself take a while."
      >
        Cancel update (rolls back; may take a while)
      </button>,
    );
  }

  return (
    <Panel title="Actions" testId="stack-actions">
      {unmanaged === undefined ? null : (
        <p className="mb-2 text-sm text-slate-600" data-testid="stack-unmanaged">
          {unmanaged}
        </p>
      )}
      {buttons.length === 0 && !actions.delete && !actions.continueRollback ? (
        <p className="text-sm text-slate-500">No action is possible in {stack.status}.</p>
      ) : null}
      <div className="flex flex-wrap gap-2">{buttons}</div>

      {actions.continueRollback && admin ? (
        <div
          className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="continue-rollback"
        >
          <p className="font-medium text-amber-950">The last update could not be rolled back.</p>
          <p className="mt-1 text-amber-900">
            Continue the rollback first without skipping anything. Skip only resources that keep
            failing: CloudFormation marks them complete, and they may no longer match the template.
          </p>
          <ResourceChoices
            resources={skippable.data?.skippable ?? []}
            chosen={skip}
            onChange={setSkip}
            verb="Skip"
          />
          <button
            type="button"
            disabled={pending !== undefined}
            onClick={() => void run('rollback', 'continue-rollback', { resourcesToSkip: skip })}
            className="mt-3 rounded bg-amber-700 px-3 py-1.5 text-white hover:bg-amber-800 disabled:opacity-50"
            data-testid="continue-rollback-button"
          >
            Continue rollback{skip.length > 0 ? ` skipping ${skip.length}` : ''}
          </button>
        </div>
      ) : null}

      {actions.delete && admin ? (
        <div className="mt-4 border-t border-slate-200 pt-3 text-sm">
          <label htmlFor="confirm-delete" className="block text-slate-700">
            Delete this stack: type <span className="font-mono">{stack.name}</span> to confirm.
            JENKINS_HOME on EFS is retained.
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="confirm-delete"
              value={confirmName}
              onChange={(event) => setConfirmName(event.target.value)}
              className="rounded border border-slate-300 px-2 py-1 font-mono"
              autoComplete="off"
            />
            <button
              type="button"
              disabled={
                confirmName !== stack.name || pending !== undefined || stack.terminationProtection
              }
              onClick={() => void run('delete', 'delete', { resourcesToRetain: retain })}
              className="rounded bg-red-700 px-3 py-1 text-white hover:bg-red-800 disabled:opacity-40"
              data-testid="delete-stack"
            >
              Delete stack
            </button>
          </div>
          {(retainable.data?.retainable ?? []).length === 0 ? null : (
            <div className="mt-2" data-testid="delete-retain">
              <p className="text-slate-700">
                The last deletion stopped at these resources. Delete again; if one keeps failing,
                keep it (CloudFormation leaves it in your account, for you to remove by hand):
              </p>
              <ResourceChoices
                resources={retainable.data?.retainable ?? []}
                chosen={retain}
                onChange={setRetain}
                verb="Keep"
              />
            </div>
          )}
          {stack.terminationProtection ? (
            <p className="mt-1 text-slate-500">Termination protection is on; turn it off first.</p>
          ) : null}
          {agentsRunning === 0 ? null : reapsAgents ? (
            <p className="mt-1 text-amber-800" data-testid="delete-agents-warning">
              {agentCount(agentsRunning)}. Deleting stops the controller, then terminates{' '}
              {agentsRunning === 1 ? 'it' : 'them'}, with any build still running on{' '}
              {agentsRunning === 1 ? 'it' : 'them'}.
            </p>
          ) : (
            <p className="mt-1 text-amber-800" data-testid="delete-agents-warning">
              {agentCount(agentsRunning)}. This stack predates the template’s agent reaper:
              CloudFormation cannot delete the agents’ security group while they run, so the
              deletion stops there. Delete, then terminate the agents (the controller is gone by
              then) and delete again; README › Troubleshooting has the command. Updating the stack
              to the current template adds the reaper.
            </p>
          )}
        </div>
      ) : null}

      {message === undefined ? null : (
        <p
          role="status"
          className={`mt-3 text-sm ${message.tone === 'ok' ? 'text-emerald-800' : 'text-red-700'}`}
          data-testid="stack-action-message"
        >
          {message.text}
        </p>
      )}
    </Panel>
  );
}

function agentCount(running: number): string {
  return running === 1 ? '1 agent instance runs' : `${running} agent instances run`;
}

/** One checkbox per logical resource id: which of them the action should skip or keep. */
function ResourceChoices(props: {
  resources: readonly string[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  verb: string;
}) {
  const { resources, chosen, onChange, verb } = props;
  return resources.map((resource) => (
    <label key={resource} className="mt-2 flex items-center gap-2">
      <input
        type="checkbox"
        checked={chosen.includes(resource)}
        onChange={(event) =>
          onChange(
            event.target.checked
              ? [...chosen, resource]
              : chosen.filter((other) => other !== resource),
          )
        }
      />
      {verb} {resource}
    </label>
  ));
}
