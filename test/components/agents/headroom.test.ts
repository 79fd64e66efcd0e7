import { describe, expect, it } from 'vitest';
import { headroomText, usedFraction } from '@/components/agents/headroom';

describe('headroomText', () => {
  it('says how many of the cap are used and how many are free', () => {
    expect(headroomText({ cap: 10, counted: 7 })).toBe('7 of 10 used, 3 free');
  });

  it('says none free at the cap', () => {
    expect(headroomText({ cap: 10, counted: 10 })).toBe('10 of 10 used, none free');
  });

  it('says by how much the pool is over the cap (after a cap was lowered)', () => {
    expect(headroomText({ cap: 10, counted: 12 })).toBe('12 of 10 used, 2 over the cap');
  });

  it('says the cap is unknown when the stack has none', () => {
    expect(headroomText({ cap: undefined, counted: 4 })).toBe('4 counted, cap unknown');
  });
});

describe('usedFraction', () => {
  it('is the share of the cap in use, never above 1', () => {
    expect(usedFraction({ cap: 10, counted: 7 })).toBe(0.7);
    expect(usedFraction({ cap: 10, counted: 12 })).toBe(1);
    expect(usedFraction({ cap: undefined, counted: 3 })).toBeUndefined();
    expect(usedFraction({ cap: 0, counted: 0 })).toBe(0);
  });
});
