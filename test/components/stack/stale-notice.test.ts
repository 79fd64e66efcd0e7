import { describe, expect, it } from 'vitest';
import { staleNotice, staleText } from '@/components/stack/stale-notice';
import { AppError } from '@/lib/errors';
import { snapshot } from '../fixtures';

const NOW = Date.parse('2024-05-01T12:00:12.000Z');

describe('staleNotice', () => {
  it('says nothing about a fresh snapshot', () => {
    expect(staleNotice(snapshot(), undefined, NOW)).toBeUndefined();
  });

  it('reports the age and reason of a snapshot the server kept after AWS throttled', () => {
    const kept = snapshot({
      stale: { since: '2024-05-01T12:00:05.000Z', reason: 'Rate exceeded' },
    });

    expect(staleNotice(kept, undefined, NOW)).toEqual({ ageSeconds: 12, reason: 'Rate exceeded' });
  });

  it('reports a failed browser refresh over data SWR kept', () => {
    const failure = new AppError('unavailable:network', 'The dashboard could not be reached.');

    expect(staleNotice(snapshot(), failure, NOW)).toEqual({
      ageSeconds: 12,
      reason: 'The dashboard could not be reached.',
    });
  });

  it('has nothing to say before any data arrived', () => {
    expect(staleNotice(undefined, new AppError('internal:client', 'x'), NOW)).toBeUndefined();
  });
});

describe('staleText', () => {
  it('reads as one calm sentence without doubled full stops', () => {
    expect(staleText({ ageSeconds: 12, reason: 'Rate exceeded.' })).toBe(
      'Showing data from 12 s ago: Rate exceeded. Retrying.',
    );
  });

  it('writes long ages in minutes', () => {
    expect(staleText({ ageSeconds: 312, reason: 'Throttling' })).toBe(
      'Showing data from 5m 12s ago: Throttling. Retrying.',
    );
  });
});
