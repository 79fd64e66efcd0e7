import { parseRequestToken } from '@/lib/stacks/request-token';
import type { StackEventsView } from './update-requests';

/** Where the executed update stands, read from the stack's current operation. */
export interface UpdateWatch {
  /** This attempt's update has begun: its events are the ones shown. */
  readonly started: boolean;
  /** Started and no longer in progress: stop polling, show the outcome. */
  readonly finished: boolean;
  readonly succeeded: boolean;
}

/**
 * Reads the events route for one executed attempt. ExecuteChangeSet returns before the update
 * starts, so for a moment the current operation is still the previous one. The update counts as
 * started once an event carries this attempt's request token (the server names the token after
 * it), or once the stack has been seen in progress since the execute (`seenInProgress`): the
 * server refuses to execute on a busy stack, so whatever runs after it is this update.
 */
export function watchUpdate(
  view: StackEventsView | undefined,
  attemptId: string,
  seenInProgress: boolean,
): UpdateWatch {
  if (view === undefined) return { started: false, finished: false, succeeded: false };
  const tokenSeen = view.events.some(
    (event) => parseRequestToken(event.requestToken)?.attemptId === attemptId,
  );
  const started = tokenSeen || seenInProgress || view.inProgress;
  const finished = started && !view.inProgress;
  return { started, finished, succeeded: finished && view.status === 'UPDATE_COMPLETE' };
}
