import { describe, expect, it } from 'vitest';
import { canDelete, canUpdate, isInProgress, stackActions } from '@/lib/stacks/status';

describe('stack status rules', () => {
  it('treats every *_IN_PROGRESS status as busy', () => {
    expect(isInProgress('UPDATE_IN_PROGRESS')).toBe(true);
    expect(isInProgress('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS')).toBe(true);
    expect(isInProgress('UPDATE_COMPLETE')).toBe(false);
  });

  it('allows updates in UPDATE_ROLLBACK_COMPLETE, which is a healthy state (C19)', () => {
    expect(canUpdate('UPDATE_ROLLBACK_COMPLETE')).toBe(true);
    expect(stackActions('UPDATE_ROLLBACK_COMPLETE').editBlockedBecause).toBeUndefined();
  });

  it('offers only delete and relaunch for ROLLBACK_COMPLETE (C19)', () => {
    const actions = stackActions('ROLLBACK_COMPLETE');
    expect(actions).toMatchObject({
      update: false,
      delete: true,
      relaunch: true,
      continueRollback: false,
    });
    expect(actions.editBlockedBecause).toMatch(/delete the stack and launch it again/);
  });

  it('offers only ContinueUpdateRollback for UPDATE_ROLLBACK_FAILED (C18)', () => {
    const actions = stackActions('UPDATE_ROLLBACK_FAILED');
    expect(actions).toMatchObject({ update: false, continueRollback: true, relaunch: false });
    expect(actions.editBlockedBecause).toMatch(/continue the rollback/);
  });

  it('continues a REVIEW_IN_PROGRESS stack with a CREATE change set, not an update (C19)', () => {
    const actions = stackActions('REVIEW_IN_PROGRESS');
    expect(actions).toMatchObject({ update: false, createFromChangeSet: true });
    expect(canDelete('REVIEW_IN_PROGRESS')).toBe(true);
  });

  it('offers nothing but cancel while an update runs (C16, C17)', () => {
    const actions = stackActions('UPDATE_IN_PROGRESS');
    expect(actions).toMatchObject({ update: false, delete: false, cancelUpdate: true });
    expect(actions.editBlockedBecause).toMatch(/Another operation is running/);
  });

  it('allows retrying a delete after DELETE_FAILED but no edits', () => {
    expect(stackActions('DELETE_FAILED')).toMatchObject({ update: false, delete: true });
  });
});
