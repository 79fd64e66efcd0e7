import { describe, expect, it } from 'vitest';
import {
  checkScaleValue,
  constraintHint,
  controlKind,
  scaleFields,
} from '@/components/scale/fields';
import { scaleParameter, scaleParameters } from './fixtures';

const cap = scaleParameter('AgentInstanceCap');

describe('scale fields', () => {
  it('lists the template scale limits in the panel order, cap first and controller last', () => {
    const reversed = [...scaleParameters()].reverse();
    expect(scaleFields(reversed).map(({ key }) => key)).toEqual([
      'AgentInstanceCap',
      'WarmAgents',
      'AgentIdleMinutes',
      'AgentInstanceType',
      'ControllerEnabled',
    ]);
  });

  it('leaves out scale limits the template does not have', () => {
    const withoutWarm = scaleParameters().filter(({ key }) => key !== 'WarmAgents');
    expect(scaleFields(withoutWarm).map(({ key }) => key)).not.toContain('WarmAgents');
  });

  it('gives numbers a stepper, allowed values a select and true/false a switch', () => {
    expect(controlKind(cap)).toBe('number');
    expect(controlKind(scaleParameter('AgentInstanceType'))).toBe('choice');
    expect(controlKind(scaleParameter('ControllerEnabled'))).toBe('switch');
  });

  it('hints the range a number limit allows', () => {
    expect(constraintHint(cap)).toBe('whole number, 1–200');
    expect(constraintHint(scaleParameter('ControllerEnabled'))).toBeUndefined();
  });
});

describe('checkScaleValue (C26)', () => {
  it('trims and sends " 12" as "12"', () => {
    expect(checkScaleValue(cap, ' 12')).toEqual({ ok: true, value: '12' });
  });

  it('writes whole numbers canonically so 012 compares equal to a deployed 12', () => {
    expect(checkScaleValue(cap, '012')).toEqual({ ok: true, value: '12' });
  });

  it('refuses a blank cap with a clear sentence', () => {
    expect(checkScaleValue(cap, '  ')).toEqual({
      ok: false,
      message: 'Enter a whole number from 1 to 200.',
    });
  });

  it('refuses a cap of 0 with the template ConstraintDescription and why 0 is not unlimited', () => {
    expect(checkScaleValue(cap, '0')).toEqual({
      ok: false,
      message:
        'Agent instance cap must be a whole number from 1 to 200. A cap of 0 would stop every ' +
        'agent launch; it does not mean unlimited.',
    });
  });

  it.each(['-1', '12.5', '2147483648', '201'])(
    'refuses %s with the template ConstraintDescription',
    (raw) => {
      expect(checkScaleValue(cap, raw)).toEqual({
        ok: false,
        message: 'Agent instance cap must be a whole number from 1 to 200.',
      });
    },
  );

  it('refuses exponent notation such as 1e2 instead of reading it as 100', () => {
    expect(checkScaleValue(cap, '1e2').ok).toBe(false);
  });

  it('accepts zero warm agents, which the template allows', () => {
    expect(checkScaleValue(scaleParameter('WarmAgents'), '0')).toEqual({ ok: true, value: '0' });
  });

  it('refuses an instance type outside AllowedValues', () => {
    const outcome = checkScaleValue(scaleParameter('AgentInstanceType'), 'x1.huge');
    expect(outcome.ok).toBe(false);
  });
});
