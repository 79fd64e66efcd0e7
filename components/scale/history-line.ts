import type { EncodedChange } from '@/lib/stacks/request-token';
import type { Tone } from '../ui/tone';
import type { ScaleHistoryItem } from './outcome';

/** The short names the history uses for each scale limit. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  AgentInstanceCap: 'cap',
  WarmAgents: 'warm',
  AgentIdleMinutes: 'idle',
  AgentInstanceType: 'type',
  ControllerEnabled: 'controller',
};

function shownValue(key: string, value: string): string {
  if (key !== 'ControllerEnabled') return value;
  if (value === 'true') return 'on';
  return value === 'false' ? 'off' : value;
}

/** One change as the history writes it: `cap 10 → 20`, `controller on → off`. */
export function changeText(change: EncodedChange): string {
  const name = SHORT_NAMES[change.key] ?? change.key;
  return `${name} ${shownValue(change.key, change.from)} → ${shownValue(change.key, change.to)}`;
}

/**
 * What an edit changed, in one line: `cap 10 → 20, warm 0 → 2`. A token that could not carry
 * the values (too long, or characters tokens do not allow) says so instead of showing nothing.
 */
export function historyChangesText(changes: readonly EncodedChange[]): string {
  return changes.length === 0
    ? 'scale limits (values not recorded)'
    : changes.map(changeText).join(', ');
}

const BADGES: Readonly<Record<ScaleHistoryItem['outcome'], { tone: Tone; label: string }>> = {
  'in-progress': { tone: 'moving', label: 'In progress' },
  succeeded: { tone: 'good', label: 'Succeeded' },
  'rolled-back': { tone: 'warn', label: 'Rolled back' },
  failed: { tone: 'bad', label: 'Failed' },
};

/** The outcome badge of a history row. */
export function historyBadge(outcome: ScaleHistoryItem['outcome']): { tone: Tone; label: string } {
  return BADGES[outcome];
}

/** Why an edit did not land, for rows that failed or rolled back; undefined otherwise. */
export function historyReason(item: ScaleHistoryItem): string | undefined {
  if (item.outcome !== 'failed' && item.outcome !== 'rolled-back') return undefined;
  return item.reason ?? 'CloudFormation gave no reason.';
}

/** The history, newest first by start time, whatever order it arrived in. */
export function newestFirst(items: readonly ScaleHistoryItem[]): ScaleHistoryItem[] {
  return [...items].sort((left, right) => right.startedAt.localeCompare(left.startedAt));
}

/** A whole row as one sentence, for screen readers and tests: who, what, outcome, why. */
export function historyLine(item: ScaleHistoryItem): string {
  const reason = historyReason(item);
  const outcome = historyBadge(item.outcome).label.toLowerCase();
  return `${item.user} changed ${historyChangesText(item.changes)}: ${outcome}${
    reason === undefined ? '' : ` (${reason})`
  }`;
}
