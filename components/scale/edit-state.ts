import type { ErrorBody } from '@/lib/errors';
import type { ScaleEditResponse } from '@/lib/scale/view';
import type { ScaleAttempt } from './attempt';
import type { ScaleValues } from './edits';

export type NeedsConfirmation = Extract<ScaleEditResponse, { kind: 'needs-confirmation' }>;

/** Where the panel is in one scale edit. */
export type ScalePhase =
  | { readonly kind: 'editing' }
  | { readonly kind: 'sending'; readonly confirm: boolean }
  | { readonly kind: 'review'; readonly review: NeedsConfirmation }
  | {
      readonly kind: 'applied';
      readonly requestToken: string;
      /** The values this update sets, by key. */
      readonly changes: ScaleValues;
    }
  | { readonly kind: 'nothing-to-change'; readonly message: string }
  | {
      readonly kind: 'conflict';
      /** Another operation is running (`conflict:stack_busy`), not a change of values. */
      readonly busy: boolean;
      readonly message: string;
      /** The deployed values now, when the server sent them. */
      readonly fresh: ScaleValues | undefined;
      /** Where the running operation can be watched (`conflict:stack_busy`). */
      readonly link: string | undefined;
      readonly stackStatus: string | undefined;
    }
  | {
      readonly kind: 'failed';
      /** The request may not have arrived: Apply again resends the same attempt. */
      readonly retryable: boolean;
      readonly message: string;
      readonly fieldErrors: ScaleValues;
    };

export interface ScaleEditState {
  /** Raw texts of the fields the person touched, by key. */
  readonly drafts: ScaleValues;
  /** The deployed values when the person started editing: sent as `expected`. */
  readonly seen: ScaleValues | undefined;
  /** The attempt in flight or under review; reused for a retry or the confirm. */
  readonly attempt: ScaleAttempt | undefined;
  readonly phase: ScalePhase;
}

export type ScaleEditAction =
  | {
      readonly type: 'edit';
      readonly key: string;
      readonly raw: string;
      readonly deployed: ScaleValues;
    }
  | { readonly type: 'reset' }
  | { readonly type: 'send'; readonly attempt: ScaleAttempt; readonly confirm: boolean }
  | { readonly type: 'answer'; readonly response: ScaleEditResponse }
  | { readonly type: 'error'; readonly error: ErrorBody }
  | { readonly type: 'cancel' }
  | { readonly type: 'dismiss' };

export const initialScaleEditState: ScaleEditState = {
  drafts: {},
  seen: undefined,
  attempt: undefined,
  phase: { kind: 'editing' },
};

function stringRecord(value: unknown): ScaleValues | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return Object.fromEntries(entries);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// Kinds of failure after which the same request may well succeed.
const RETRYABLE_KINDS: ReadonlySet<string> = new Set(['unavailable', 'rate_limited', 'internal']);

// Answers after which the edit is finished: the fields show the deployed values again.
const cleared = { drafts: {}, seen: undefined, attempt: undefined };

/** The phase an error answer leads to; conflicts carry what the person needs to go on. */
export function phaseForError(error: ErrorBody): ScalePhase {
  const details = error.details ?? {};
  if (error.code === 'conflict:scale' || error.code === 'conflict:stack_busy') {
    return {
      kind: 'conflict',
      busy: error.code === 'conflict:stack_busy',
      message: error.message,
      fresh: stringRecord(details.fresh),
      link: text(details.link),
      stackStatus: text(details.status),
    };
  }
  return {
    kind: 'failed',
    retryable: RETRYABLE_KINDS.has(error.code.split(':')[0] ?? ''),
    message: error.message,
    fieldErrors: stringRecord(details.fieldErrors) ?? {},
  };
}

/**
 * The panel's edit state machine. Drafts remember what the person typed and, from the first
 * keystroke, the deployed values they saw. An attempt lives from Apply until a final answer:
 * a review keeps it for the confirm, a failed request keeps it so pressing Apply again
 * resends the same id; applied and "nothing to change" answers clear the drafts, so the
 * fields show the deployed values (never the ones asked for, C02). A conflict drops the
 * attempt: the person decides again on the fresh values.
 */
export function scaleEditReducer(state: ScaleEditState, action: ScaleEditAction): ScaleEditState {
  switch (action.type) {
    case 'edit':
      return {
        ...state,
        drafts: { ...state.drafts, [action.key]: action.raw },
        seen: state.seen ?? action.deployed,
        // A new edit makes an open review or an old answer moot; an update in progress stays
        // visible because its progress is still news.
        phase: state.phase.kind === 'applied' ? state.phase : { kind: 'editing' },
      };
    case 'reset':
      return { ...state, ...cleared, phase: { kind: 'editing' } };
    case 'send':
      return {
        ...state,
        attempt: action.attempt,
        phase: { kind: 'sending', confirm: action.confirm },
      };
    case 'answer':
      return answer(state, action.response);
    case 'error': {
      const phase = phaseForError(action.error);
      return { ...state, attempt: phase.kind === 'conflict' ? undefined : state.attempt, phase };
    }
    case 'cancel':
      return { ...state, attempt: undefined, phase: { kind: 'editing' } };
    case 'dismiss':
      return { ...state, phase: { kind: 'editing' } };
  }
}

function answer(state: ScaleEditState, response: ScaleEditResponse): ScaleEditState {
  switch (response.kind) {
    case 'applied':
      return {
        ...state,
        ...cleared,
        phase: {
          kind: 'applied',
          requestToken: response.requestToken,
          changes: state.attempt?.changes ?? {},
        },
      };
    case 'nothing-to-change':
      return {
        ...state,
        ...cleared,
        phase: { kind: 'nothing-to-change', message: response.message },
      };
    case 'needs-confirmation':
      return { ...state, phase: { kind: 'review', review: response } };
  }
}
