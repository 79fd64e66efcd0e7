import { describe, expect, it } from 'vitest';
import { applyBlockedReason, pendingEdit, scaleAdvice } from '@/components/scale/edits';
import { DEPLOYED, scaleParameters } from './fixtures';

const fields = scaleParameters();

describe('pendingEdit', () => {
  it('finds nothing to send while no field is touched', () => {
    expect(pendingEdit(fields, DEPLOYED, {})).toEqual({ changes: {}, fieldErrors: {} });
  });

  it('does not count " 10" against a deployed 10 as a change', () => {
    expect(pendingEdit(fields, DEPLOYED, { AgentInstanceCap: ' 10' }).changes).toEqual({});
  });

  it('sends only the values that differ from the deployed ones, normalised', () => {
    const drafts = { AgentInstanceCap: ' 20 ', WarmAgents: '0', AgentInstanceType: 'm6i.large' };
    expect(pendingEdit(fields, DEPLOYED, drafts).changes).toEqual({
      AgentInstanceCap: '20',
      AgentInstanceType: 'm6i.large',
    });
  });

  it('reports refused values by field and leaves them out of the changes', () => {
    const edit = pendingEdit(fields, DEPLOYED, { AgentInstanceCap: '12.5', WarmAgents: '2' });
    expect(edit.changes).toEqual({ WarmAgents: '2' });
    expect(Object.keys(edit.fieldErrors)).toEqual(['AgentInstanceCap']);
  });

  it('counts turning the controller off as a change', () => {
    expect(pendingEdit(fields, DEPLOYED, { ControllerEnabled: 'false' }).changes).toEqual({
      ControllerEnabled: 'false',
    });
  });
});

describe('scaleAdvice', () => {
  it('warns when the warm agents would exceed the cap', () => {
    expect(scaleAdvice(DEPLOYED, { AgentInstanceCap: '3', WarmAgents: '5' })).toEqual({
      WarmAgents: 'More warm agents than the cap: the EC2 plugin keeps at most 3 running.',
    });
  });

  it('says nothing while the warm agents fit under the cap', () => {
    expect(scaleAdvice(DEPLOYED, { WarmAgents: '10' })).toEqual({});
  });
});

describe('applyBlockedReason', () => {
  const ready = {
    editBlockedBecause: undefined,
    busy: false,
    reviewOpen: false,
    pending: { changes: { AgentInstanceCap: '20' }, fieldErrors: {} },
  };

  it('lets Apply through when the stack is updatable and a valid value differs', () => {
    expect(applyBlockedReason(ready)).toBeUndefined();
  });

  it('puts the stack status first, in the words of the status rules (C16)', () => {
    const because = 'Another operation is running on this stack; wait for it to end.';
    expect(applyBlockedReason({ ...ready, editBlockedBecause: because })).toBe(because);
  });

  it('holds Apply while a request is out or a review is open', () => {
    expect(applyBlockedReason({ ...ready, busy: true })).toBe(
      'Waiting for the dashboard to answer.',
    );
    expect(applyBlockedReason({ ...ready, reviewOpen: true })).toBe(
      'Confirm or cancel the review below first.',
    );
  });

  it('holds Apply while a value is refused', () => {
    const pending = { changes: {}, fieldErrors: { AgentInstanceCap: 'bad' } };
    expect(applyBlockedReason({ ...ready, pending })).toBe(
      'Correct the values marked in red first.',
    );
  });

  it('holds Apply when nothing differs from the deployed values', () => {
    const pending = { changes: {}, fieldErrors: {} };
    expect(applyBlockedReason({ ...ready, pending })).toBe(
      'Nothing differs from the deployed values.',
    );
  });
});
