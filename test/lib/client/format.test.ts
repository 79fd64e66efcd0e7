import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatAgo,
  formatDuration,
  formatResponseTime,
  formatTimestamp,
  secondsSince,
} from '@/lib/client/format';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');

describe('formatDuration', () => {
  it('writes durations in their two largest units', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(192_000)).toBe('3m 12s');
    expect(formatDuration(180_000)).toBe('3m');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 9_000)).toBe('2h 5m');
    expect(formatDuration(4 * 86_400_000 + 3 * 3_600_000)).toBe('4d 3h');
  });

  it('never writes a negative duration', () => {
    expect(formatDuration(-5_000)).toBe('0s');
  });
});

describe('ages', () => {
  it('say how long ago a time was, or just now under a second', () => {
    expect(formatAgo('2024-05-01T11:58:48.000Z', NOW)).toBe('1m 12s ago');
    expect(formatAgo('2024-05-01T12:00:00.000Z', NOW)).toBe('just now');
  });

  it('show a dash for a missing or unparsable time', () => {
    expect(formatAgo(undefined, NOW)).toBe('—');
    expect(formatAge('not a date', NOW)).toBe('—');
  });

  it('count whole seconds since a time', () => {
    expect(secondsSince('2024-05-01T11:59:47.600Z', NOW)).toBe(12);
  });
});

describe('formatTimestamp', () => {
  it('writes UTC to the second', () => {
    expect(formatTimestamp('2024-05-01T14:03:07.123Z')).toBe('2024-05-01 14:03:07 UTC');
  });
});

describe('formatResponseTime', () => {
  it('uses milliseconds under a second and seconds above', () => {
    expect(formatResponseTime(85.4)).toBe('85 ms');
    expect(formatResponseTime(1_240)).toBe('1.2 s');
    expect(formatResponseTime(undefined)).toBe('—');
  });
});
