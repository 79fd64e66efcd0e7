import { describe, expect, it } from 'vitest';
import type { ScaleAttempt } from '@/components/scale/attempt';
import {
  initialScaleEditState,
  scaleEditReducer,
  type ScaleEditAction,
  type ScaleEditState,
} from '@/components/scale/edit-state';
import { needsConfirmation, resourceChange } from './changes';
import { DEPLOYED } from './fixtures';

const attempt: ScaleAttempt = {
  id: 'k3f9x2abcd12',
  changes: { AgentInstanceCap: '20' },
  expected: DEPLOYED,
};

function run(...actions: ScaleEditAction[]): ScaleEditState {
  return actions.reduce(scaleEditReducer, initialScaleEditState);
}

const edited: ScaleEditAction = {
  type: 'edit',
  key: 'AgentInstanceCap',
  raw: '20',
  deployed: DEPLOYED,
};
const sent: ScaleEditAction = { type: 'send', attempt, confirm: false };

describe('scale edit state', () => {
  it('remembers the deployed values seen at the first edit, not at later ones', () => {
    const later = { ...DEPLOYED, AgentInstanceCap: '15' };
    const state = run(edited, { type: 'edit', key: 'WarmAgents', raw: '2', deployed: later });
    expect(state.seen).toEqual(DEPLOYED);
    expect(state.drafts).toEqual({ AgentInstanceCap: '20', WarmAgents: '2' });
  });

  it('clears the drafts once the update started and keeps what it sets', () => {
    const state = run(edited, sent, {
      type: 'answer',
      response: {
        kind: 'applied',
        requestToken: 'js-alice-k3f9x2abcd12-cap-10-20',
        changeSet: undefined,
        values: {},
      },
    });
    expect(state.drafts).toEqual({});
    expect(state.attempt).toBeUndefined();
    expect(state.phase).toEqual({
      kind: 'applied',
      requestToken: 'js-alice-k3f9x2abcd12-cap-10-20',
      changes: { AgentInstanceCap: '20' },
    });
  });

  it('resets the fields to the deployed values after "nothing to change" (C01, C02)', () => {
    const state = run(edited, sent, {
      type: 'answer',
      response: {
        kind: 'nothing-to-change',
        message: 'No updates are to be performed.',
        deployed: DEPLOYED,
      },
    });
    expect(state.drafts).toEqual({});
    expect(state.seen).toBeUndefined();
    expect(state.phase).toEqual({
      kind: 'nothing-to-change',
      message: 'No updates are to be performed.',
    });
  });

  it('keeps the attempt under review so the confirm reuses its id', () => {
    const review = needsConfirmation(
      [resourceChange('ControllerService', 'AWS::ECS::Service', 'Modify', 'False')],
      2,
    );
    const state = run(edited, sent, { type: 'answer', response: review });
    expect(state.phase).toEqual({ kind: 'review', review });
    expect(state.attempt?.id).toBe('k3f9x2abcd12');
  });

  it('drops the attempt when the review is cancelled but keeps the drafts', () => {
    const review = needsConfirmation([], undefined);
    const state = run(edited, sent, { type: 'answer', response: review }, { type: 'cancel' });
    expect(state.attempt).toBeUndefined();
    expect(state.drafts).toEqual({ AgentInstanceCap: '20' });
  });

  it('keeps the attempt after a lost answer so Apply resends the same id', () => {
    const state = run(edited, sent, {
      type: 'error',
      error: { code: 'unavailable:network', message: 'The dashboard could not be reached.' },
    });
    expect(state.attempt).toBe(attempt);
    expect(state.phase).toMatchObject({ kind: 'failed', retryable: true });
  });

  it('turns conflict:scale into a conflict with the fresh values and drops the attempt', () => {
    const fresh = { ...DEPLOYED, AgentInstanceCap: '15' };
    const state = run(edited, sent, {
      type: 'error',
      error: { code: 'conflict:scale', message: 'AgentInstanceCap is now 15', details: { fresh } },
    });
    expect(state.attempt).toBeUndefined();
    expect(state.phase).toEqual({
      kind: 'conflict',
      busy: false,
      message: 'AgentInstanceCap is now 15',
      fresh,
      link: undefined,
      stackStatus: undefined,
    });
  });

  it('turns conflict:stack_busy into a conflict linking to the running operation (C16)', () => {
    const state = run(edited, sent, {
      type: 'error',
      error: {
        code: 'conflict:stack_busy',
        message: 'Another operation is running',
        details: { status: 'UPDATE_IN_PROGRESS', link: '/stacks/jenkins-ctl?region=eu-west-1' },
      },
    });
    expect(state.phase).toMatchObject({
      kind: 'conflict',
      busy: true,
      link: '/stacks/jenkins-ctl?region=eu-west-1',
      stackStatus: 'UPDATE_IN_PROGRESS',
    });
  });

  it('carries the server field errors of bad_request:parameters', () => {
    const state = run(edited, sent, {
      type: 'error',
      error: {
        code: 'bad_request:parameters',
        message: 'Parameter AgentInstanceCap: must be a whole number from 1 to 200.',
        details: { fieldErrors: { AgentInstanceCap: 'must be a whole number from 1 to 200.' } },
      },
    });
    expect(state.phase).toMatchObject({
      kind: 'failed',
      retryable: false,
      fieldErrors: { AgentInstanceCap: 'must be a whole number from 1 to 200.' },
    });
  });

  it('closes an open review when the person edits again', () => {
    const review = needsConfirmation([], undefined);
    const state = run(edited, sent, { type: 'answer', response: review }, edited);
    expect(state.phase).toEqual({ kind: 'editing' });
  });
});
