import type { ScalePanelView } from '@/lib/scale/view';
import { isInProgress } from '@/lib/stacks/status';
import type { AgentPoolView } from '@/lib/status/types';
import { headroomText } from '../agents/headroom';
import type { Tone } from '../ui/tone';
import type { ScalePhase } from './edit-state';

/** What the outcome box says: a tone, a title and its lines. */
export interface ScaleNotice {
  readonly tone: Tone;
  readonly title: string;
  readonly lines: readonly string[];
  /** "Jenkins now uses a cap of N", once the running Jenkins reports the new cap. */
  readonly capApplied?: string;
}

export type ScaleHistoryItem = ScalePanelView['history'][number];

/** What an applied update is measured against while it runs. */
export interface AppliedContext {
  /** The stack status from the latest snapshot. */
  readonly stackStatus: string;
  /** The cap the running Jenkins reports having loaded, and what the pool counts against it. */
  readonly pool: Pick<AgentPoolView, 'cap' | 'counted'>;
  /** The scale history, which names this update by its request token once it has started. */
  readonly history: readonly ScaleHistoryItem[];
}

/**
 * The sentence that confirms a new cap reached Jenkins: only once the pool reports exactly the
 * cap this update set, with where the pool stands against it (`7 of 20 used, 13 free`, or
 * agents over a lowered cap that end as they go idle).
 */
export function capAppliedLine(
  changes: Readonly<Record<string, string>>,
  pool: Pick<AgentPoolView, 'cap' | 'counted'>,
): string | undefined {
  const target = changes.AgentInstanceCap;
  if (target === undefined || pool.cap === undefined || String(pool.cap) !== target) {
    return undefined;
  }
  const over = pool.counted > pool.cap ? '; agents above the cap end as they go idle' : '';
  return `Jenkins now uses a cap of ${target}: ${headroomText(pool)}${over}.`;
}

function appliedNotice(
  phase: Extract<ScalePhase, { kind: 'applied' }>,
  context: AppliedContext,
): ScaleNotice {
  const token = `Request token ${phase.requestToken}`;
  const entry = context.history.find((item) => item.requestToken === phase.requestToken);
  if (entry?.outcome === 'rolled-back' || entry?.outcome === 'failed') {
    return {
      tone: 'bad',
      title: entry.outcome === 'rolled-back' ? 'The update was rolled back' : 'The update failed',
      lines: [entry.reason ?? 'CloudFormation gave no reason.', token],
    };
  }

  const capApplied = capAppliedLine(phase.changes, context.pool);
  if (capApplied !== undefined) {
    return { tone: 'good', title: 'Update started', lines: [token], capApplied };
  }
  if (entry?.outcome === 'succeeded') {
    const waiting =
      phase.changes.AgentInstanceCap === undefined
        ? []
        : [`Waiting for Jenkins to report the cap of ${phase.changes.AgentInstanceCap}.`];
    return {
      tone: 'good',
      title: 'Update started',
      lines: [token, 'CloudFormation finished the update.', ...waiting],
    };
  }
  return {
    tone: 'moving',
    title: 'Update started',
    lines: [
      token,
      isInProgress(context.stackStatus)
        ? 'CloudFormation is updating the stack; Apply stays off until it finishes.'
        : 'Waiting for CloudFormation to report the update.',
    ],
  };
}

/**
 * What the outcome box says for a phase of the edit, or undefined when there is nothing to
 * say (editing, or a review, which has its own box). "Nothing to change" is news, not an
 * error (C01, C02); a conflict is a warning with a way on; only real failures are red.
 */
export function phaseNotice(phase: ScalePhase, context: AppliedContext): ScaleNotice | undefined {
  switch (phase.kind) {
    case 'editing':
    case 'review':
      return undefined;
    case 'sending':
      return {
        tone: 'moving',
        title: phase.confirm ? 'Starting the update…' : 'Preparing the change set…',
        lines: [],
      };
    case 'applied':
      return appliedNotice(phase, context);
    case 'nothing-to-change':
      return { tone: 'neutral', title: 'Nothing to change', lines: [phase.message] };
    case 'conflict':
      return phase.busy
        ? { tone: 'warn', title: 'Another operation is running', lines: [phase.message] }
        : {
            tone: 'warn',
            title: 'The deployed values changed meanwhile',
            lines: [phase.message],
          };
    case 'failed':
      return {
        tone: 'bad',
        title: 'The scale edit did not go through',
        lines: phase.retryable
          ? [
              phase.message,
              'Apply again to retry: the same attempt is resent, never a second update.',
            ]
          : [phase.message],
      };
  }
}

const WATCH_POLL_MS = 5_000;
const REST_POLL_MS = 60_000;

/**
 * How often the panel re-reads its view (deployed values and history): every few seconds
 * while the stack is busy or this panel's own update has not yet appeared as finished in the
 * history, once a minute at rest (a change of the stack's status also triggers a re-read).
 */
export function scaleViewPollMs(
  stackStatus: string,
  phase: ScalePhase,
  history: readonly ScaleHistoryItem[],
): number {
  if (isInProgress(stackStatus)) return WATCH_POLL_MS;
  if (phase.kind !== 'applied') return REST_POLL_MS;
  const entry = history.find((item) => item.requestToken === phase.requestToken);
  return entry === undefined || entry.outcome === 'in-progress' ? WATCH_POLL_MS : REST_POLL_MS;
}
