'use client';

import { useEffect, useReducer, useRef } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { fetchJson } from '@/lib/client/fetcher';
import { stackSnapshotKey } from '@/lib/client/keys';
import { AppError, type ErrorBody } from '@/lib/errors';
import type { ScalePanelView } from '@/lib/scale/view';
import { useEnvironment } from '@/lib/client/swr';
import { unmanagedStackRefusal } from '@/lib/stacks/names';
import { isInProgress, stackActions } from '@/lib/stacks/status';
import type { StackSnapshot } from '@/lib/status/types';
import { Banner } from '../ui/Banner';
import { Panel, SubSection } from '../ui/Panel';
import { attemptFor, type ScaleAttempt } from './attempt';
import { initialScaleEditState, scaleEditReducer } from './edit-state';
import { applyBlockedReason, pendingEdit, scaleAdvice } from './edits';
import { scaleFields } from './fields';
import { phaseNotice, scaleViewPollMs } from './outcome';
import { postScaleEdit, scalePanelKey } from './scale-api';
import { ScaleField } from './ScaleField';
import { ScaleHistory } from './ScaleHistory';
import { ScaleOutcome } from './ScaleOutcome';
import { ScaleReview } from './ScaleReview';

export interface ScalePanelProps {
  stackName: string;
  region: string;
  snapshot: StackSnapshot;
}

function errorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  return { code: 'internal:scale', message: 'The scale edit failed in the browser.' };
}

/**
 * The scale-limits panel of the stack page: the deployed agent cap, warm agents, idle
 * minutes, instance type and controller switch with quick controls, one-click Apply guarded
 * by the stack's status, a review when the change set does more than edit limits in place,
 * the outcome as it unfolds (up to Jenkins reporting the new cap), and the edit history.
 */
export function ScalePanel({ stackName, region, snapshot }: ScalePanelProps) {
  const [state, dispatch] = useReducer(scaleEditReducer, initialScaleEditState);
  const stackNamePrefix = useEnvironment().data?.stackNamePrefix;
  const { mutate: mutateKey } = useSWRConfig();
  const status = snapshot.stack.status;
  const key = scalePanelKey(stackName, region);
  const {
    data: view,
    error,
    mutate,
  } = useSWR<ScalePanelView, AppError>(key, fetchJson, {
    refreshInterval: (latest) => scaleViewPollMs(status, state.phase, latest?.history ?? []),
    keepPreviousData: true,
  });

  // An update that starts or ends changes the deployed values and the history: re-read them.
  const lastStatus = useRef(status);
  useEffect(() => {
    if (lastStatus.current === status) return;
    lastStatus.current = status;
    void mutate();
  }, [status, mutate]);

  if (view === undefined) {
    return (
      <Panel title="Scale limits" testId="scale-panel">
        {error === undefined ? (
          <p className="text-sm text-slate-500">Loading the scale limits…</p>
        ) : (
          <Banner tone="bad" alert testId="scale-load-error">
            The scale limits could not be loaded: {error.message}
          </Banner>
        )}
      </Panel>
    );
  }

  const fields = scaleFields(view.parameters);
  const deployed = view.values;
  const pending = pendingEdit(fields, deployed, state.drafts);
  const advice = scaleAdvice(deployed, pending.changes);
  const { phase } = state;
  // While the person's own update runs, say so rather than "another operation is running".
  const editBlockedBecause =
    unmanagedStackRefusal(stackName, stackNamePrefix) ??
    (phase.kind === 'applied' && isInProgress(status)
      ? 'Your update is running; the limits can be edited again when it ends.'
      : stackActions(status).editBlockedBecause);
  const blockedReason = applyBlockedReason({
    editBlockedBecause,
    busy: phase.kind === 'sending',
    reviewOpen: phase.kind === 'review',
    pending,
  });
  const serverErrors = phase.kind === 'failed' ? phase.fieldErrors : {};
  const notice = phaseNotice(phase, {
    stackStatus: status,
    // The cap Jenkins itself reports having loaded (its system message), not the stack's
    // parameter: the confirmation means the running controller applied the edit.
    pool: { cap: snapshot.jenkins?.appliedLimits?.cap, counted: snapshot.agents.counted },
    history: view.history,
  });
  const fieldsLocked = phase.kind === 'sending' || phase.kind === 'review';

  // The stack page may key its snapshot with or without the region (a URL without one).
  function refreshSnapshot() {
    const keys = [stackSnapshotKey(stackName), stackSnapshotKey(stackName, region)];
    void mutateKey((candidate) => keys.includes(candidate as string | null));
  }

  async function send(attempt: ScaleAttempt, confirm: boolean) {
    dispatch({ type: 'send', attempt, confirm });
    try {
      const response = await postScaleEdit(stackName, region, {
        attemptId: attempt.id,
        changes: attempt.changes,
        expected: attempt.expected,
        confirm,
      });
      dispatch({ type: 'answer', response });
      if (response.kind === 'nothing-to-change') {
        // Show what CloudFormation kept, never the values asked for (C02).
        await mutate((old) => old && { ...old, values: response.deployed }, { revalidate: true });
      } else if (response.kind === 'applied') {
        void mutate();
        refreshSnapshot();
      }
    } catch (failure) {
      const body = errorBody(failure);
      dispatch({ type: 'error', error: body });
      // The stack is busy after all: refresh its status so Apply says why it is off.
      if (body.code === 'conflict:stack_busy') refreshSnapshot();
    }
  }

  function apply() {
    if (blockedReason !== undefined) return;
    const attempt = attemptFor(state.attempt, pending.changes, state.seen ?? deployed);
    void send(attempt, false);
  }

  function confirm() {
    if (state.attempt !== undefined) void send(state.attempt, true);
  }

  function reloadFresh() {
    const fresh = phase.kind === 'conflict' ? phase.fresh : undefined;
    dispatch({ type: 'reset' });
    void mutate((old) => (old && fresh ? { ...old, values: fresh } : old), { revalidate: true });
  }

  return (
    <Panel
      title="Scale limits"
      testId="scale-panel"
      actions={
        Object.keys(state.drafts).length === 0 ? undefined : (
          <button
            type="button"
            data-testid="scale-reset"
            disabled={fieldsLocked}
            onClick={() => dispatch({ type: 'reset' })}
            className="text-xs text-slate-600 underline disabled:opacity-40"
          >
            Reset to deployed values
          </button>
        )
      }
    >
      {fields.length === 0 ? (
        <p className="text-sm text-slate-500">This stack&apos;s template has no scale limits.</p>
      ) : (
        <div className="flex flex-wrap gap-x-8 gap-y-4">
          {fields.map((parameter) => (
            <ScaleField
              key={parameter.key}
              parameter={parameter}
              shown={state.drafts[parameter.key] ?? deployed[parameter.key] ?? ''}
              deployed={deployed[parameter.key]}
              error={pending.fieldErrors[parameter.key] ?? serverErrors[parameter.key]}
              advice={advice[parameter.key]}
              disabled={fieldsLocked}
              onChange={(raw) => dispatch({ type: 'edit', key: parameter.key, raw, deployed })}
            />
          ))}
        </div>
      )}

      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="button"
          data-testid="scale-apply"
          disabled={blockedReason !== undefined}
          aria-describedby={blockedReason === undefined ? undefined : 'scale-apply-blocked'}
          onClick={apply}
          className="rounded bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600"
        >
          Apply
        </button>
        {blockedReason === undefined ? null : (
          <span
            id="scale-apply-blocked"
            className="text-xs text-slate-600"
            data-testid="scale-blocked-reason"
          >
            {blockedReason}
          </span>
        )}
      </div>

      {phase.kind === 'review' && state.attempt !== undefined ? (
        <ScaleReview
          review={phase.review}
          changes={state.attempt.changes}
          seen={state.attempt.expected}
          onConfirm={confirm}
          onCancel={() => dispatch({ type: 'cancel' })}
        />
      ) : null}

      {notice === undefined ? null : (
        <ScaleOutcome
          notice={notice}
          phase={phase}
          parameters={fields}
          onReloadFresh={reloadFresh}
          onDismiss={() => dispatch({ type: 'dismiss' })}
        />
      )}

      <SubSection title="History">
        <ScaleHistory items={view.history} />
      </SubSection>
    </Panel>
  );
}
