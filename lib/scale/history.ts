import 'server-only';
import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../aws/clients';
import { readStackEvents } from '../aws/cloudformation';
import { displayTokenUser, parseRequestToken, type EncodedChange } from '../stacks/request-token';

export type ScaleEditOutcome = 'in-progress' | 'succeeded' | 'rolled-back' | 'failed';

/** One scale edit as the history shows it; read from CloudFormation, never stored here. */
export interface ScaleHistoryEntry {
  readonly requestToken: string;
  readonly user: string;
  readonly startedAt: string;
  readonly finishedAt: string | undefined;
  readonly changes: readonly EncodedChange[];
  readonly outcome: ScaleEditOutcome;
  readonly reason: string | undefined;
}

const HISTORY_EVENT_LIMIT = 1_000;

function outcomeOf(status: string): ScaleEditOutcome | undefined {
  if (status === 'UPDATE_COMPLETE') return 'succeeded';
  if (status === 'UPDATE_ROLLBACK_COMPLETE') return 'rolled-back';
  if (status === 'UPDATE_ROLLBACK_FAILED' || status === 'UPDATE_FAILED') return 'failed';
  return undefined;
}

/**
 * Builds the scale-edit history from stack events alone: an operation starts with the stack's
 * own UPDATE_IN_PROGRESS event, whose ClientRequestToken (ours, see request-token.ts) names the
 * person and the changes; it ends with the next stack-level terminal status, whatever token
 * that event carries (a cancel or rollback started elsewhere has another, C14).
 */
export function scaleHistoryFromEvents(
  stackName: string,
  newestFirst: readonly StackEvent[],
): ScaleHistoryEntry[] {
  const entries: ScaleHistoryEntry[] = [];
  let open: { entry: ScaleHistoryEntry; index: number } | undefined;
  const chronological = [...newestFirst].reverse();
  for (const event of chronological) {
    if (
      event.LogicalResourceId !== stackName ||
      event.ResourceType !== 'AWS::CloudFormation::Stack'
    ) {
      continue;
    }
    const status = event.ResourceStatus ?? '';
    const at = event.Timestamp?.toISOString() ?? '';
    if (status === 'UPDATE_IN_PROGRESS') {
      open = undefined;
      const parsed = parseRequestToken(event.ClientRequestToken);
      if (parsed?.kind !== 'scale') continue;
      const entry: ScaleHistoryEntry = {
        requestToken: event.ClientRequestToken ?? '',
        user: displayTokenUser(parsed.user),
        startedAt: at,
        finishedAt: undefined,
        changes: parsed.changes,
        outcome: 'in-progress',
        reason: undefined,
      };
      entries.push(entry);
      open = { entry, index: entries.length - 1 };
      continue;
    }
    const outcome = outcomeOf(status);
    if (outcome !== undefined && open !== undefined) {
      entries[open.index] = {
        ...open.entry,
        finishedAt: at,
        outcome,
        reason: outcome === 'succeeded' ? undefined : event.ResourceStatusReason,
      };
      open = undefined;
    }
  }
  return entries.reverse();
}

/** Reads the stack's events (bounded) and returns its scale edits, newest first. */
export async function readScaleHistory(
  clients: AwsClients,
  stackName: string,
  limit = 20,
): Promise<ScaleHistoryEntry[]> {
  let starts = 0;
  const events = await readStackEvents(
    clients,
    stackName,
    (event) => {
      if (
        event.LogicalResourceId === stackName &&
        event.ResourceStatus === 'UPDATE_IN_PROGRESS' &&
        parseRequestToken(event.ClientRequestToken)?.kind === 'scale'
      ) {
        starts += 1;
      }
      return starts > limit;
    },
    HISTORY_EVENT_LIMIT,
  );
  return scaleHistoryFromEvents(stackName, events).slice(0, limit);
}
