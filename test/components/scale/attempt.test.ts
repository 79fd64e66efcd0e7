import { describe, expect, it } from 'vitest';
import { attemptFor } from '@/components/scale/attempt';
import { newAttemptId } from '@/lib/client/attempt-id';
import { ATTEMPT_ID_PATTERN } from '@/lib/stacks/request-token';

describe('newAttemptId', () => {
  it('makes 12 letters and digits the server accepts', () => {
    const id = newAttemptId();
    expect(id).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(id).toMatch(ATTEMPT_ID_PATTERN);
  });

  it('differs between attempts', () => {
    expect(new Set(Array.from({ length: 50 }, () => newAttemptId())).size).toBe(50);
  });

  it('draws again for bytes that would favour some letters', () => {
    let call = 0;
    const random = (bytes: Uint8Array) => {
      call += 1;
      // First draw: only byte 255 (refused) and 0 ('A'); later draws: 1 ('B').
      bytes.fill(call === 1 ? 255 : 1);
      if (call === 1) bytes[0] = 0;
      return bytes;
    };
    expect(newAttemptId(random, 4)).toBe('ABBB');
  });
});

describe('attemptFor', () => {
  const changes = { AgentInstanceCap: '20' };
  const expected = { AgentInstanceCap: '10', WarmAgents: '0' };

  it('reuses the previous attempt for the same changes against the same values', () => {
    const first = attemptFor(undefined, changes, expected, () => 'first1');
    const retry = attemptFor(first, { ...changes }, { ...expected }, () => 'second');
    expect(retry.id).toBe('first1');
  });

  it('starts a new attempt when the changes differ', () => {
    const first = attemptFor(undefined, changes, expected, () => 'first1');
    expect(attemptFor(first, { AgentInstanceCap: '30' }, expected, () => 'second').id).toBe(
      'second',
    );
  });

  it('starts a new attempt when the values seen differ', () => {
    const first = attemptFor(undefined, changes, expected, () => 'first1');
    const fresh = { AgentInstanceCap: '15', WarmAgents: '0' };
    expect(attemptFor(first, changes, fresh, () => 'second').id).toBe('second');
  });
});
