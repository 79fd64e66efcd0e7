import { describe, expect, it } from 'vitest';
import { lifecycleTone, stackStatusTone, verdictTone } from '@/components/status/tones';

describe('verdictTone', () => {
  it('colours each verdict as the console promises', () => {
    expect(verdictTone('Healthy')).toBe('good');
    expect(verdictTone('Progressing')).toBe('moving');
    expect(verdictTone('Degraded')).toBe('warn');
    expect(verdictTone('Down')).toBe('bad');
    expect(verdictTone('Unknown')).toBe('neutral');
  });
});

describe('stackStatusTone', () => {
  it('reds failures, blues operations in progress, ambers completed rollbacks', () => {
    expect(stackStatusTone('ROLLBACK_COMPLETE')).toBe('bad');
    expect(stackStatusTone('UPDATE_ROLLBACK_FAILED')).toBe('bad');
    expect(stackStatusTone('UPDATE_IN_PROGRESS')).toBe('moving');
    expect(stackStatusTone('UPDATE_ROLLBACK_IN_PROGRESS')).toBe('moving');
    expect(stackStatusTone('UPDATE_ROLLBACK_COMPLETE')).toBe('warn');
    expect(stackStatusTone('CREATE_COMPLETE')).toBe('good');
    expect(stackStatusTone('DELETE_COMPLETE')).toBe('neutral');
  });
});

describe('lifecycleTone', () => {
  it('reads task, instance and target states alike', () => {
    expect(lifecycleTone('RUNNING')).toBe('good');
    expect(lifecycleTone('PROVISIONING')).toBe('moving');
    expect(lifecycleTone('draining')).toBe('warn');
    expect(lifecycleTone('unhealthy')).toBe('bad');
    expect(lifecycleTone('STOPPED')).toBe('neutral');
  });
});
