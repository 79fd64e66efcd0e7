import { describe, expect, it } from 'vitest';
import { canStep, presetValues, stepValue, stepperBounds } from '@/components/scale/stepper';
import { scaleParameter, withConstraints } from './fixtures';

const cap = scaleParameter('AgentInstanceCap');
const warm = scaleParameter('WarmAgents');

describe('stepValue', () => {
  it('moves the shown value by one', () => {
    expect(stepValue(cap, '10', '10', 1)).toBe('11');
    expect(stepValue(cap, '10', '10', -1)).toBe('9');
  });

  it('stops at MaxValue and MinValue', () => {
    expect(stepValue(cap, '200', '10', 1)).toBe('200');
    expect(stepValue(cap, '1', '10', -1)).toBe('1');
    expect(stepValue(warm, '0', '0', -1)).toBe('0');
  });

  it('brings a value typed outside the range back inside it', () => {
    expect(stepValue(cap, '500', '10', 1)).toBe('200');
    expect(stepValue(cap, '-4', '10', 1)).toBe('1');
  });

  it('steps from the deployed value when the field holds no number', () => {
    expect(stepValue(cap, '', '10', 1)).toBe('11');
    expect(stepValue(cap, '1e2', '10', -1)).toBe('9');
  });

  it('steps a whole-number limit from a whole number', () => {
    expect(stepValue(cap, '12.6', '10', 1)).toBe('14');
  });
});

describe('canStep', () => {
  it('disables + at the maximum and − at the minimum', () => {
    expect(canStep(cap, '200', '10', 1)).toBe(false);
    expect(canStep(cap, '200', '10', -1)).toBe(true);
    expect(canStep(cap, '1', '10', -1)).toBe(false);
  });
});

describe('presetValues', () => {
  it('offers the cap presets 5, 10, 20 and 50 within 1..200', () => {
    expect(presetValues(cap)).toEqual(['5', '10', '20', '50']);
  });

  it('drops presets outside a narrower MinValue..MaxValue', () => {
    expect(
      presetValues(withConstraints('AgentInstanceCap', { minValue: 8, maxValue: 30 })),
    ).toEqual(['10', '20']);
  });

  it('offers zero warm agents because the template allows it', () => {
    expect(presetValues(warm)).toEqual(['0', '1', '2', '5']);
  });

  it('offers no presets for limits without round numbers', () => {
    expect(presetValues(scaleParameter('AgentInstanceType'))).toEqual([]);
  });

  it('reads the stepper range from the template', () => {
    expect(stepperBounds(scaleParameter('AgentIdleMinutes'))).toEqual({ min: 1, max: 1440 });
  });
});
