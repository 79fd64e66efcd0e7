import { describe, expect, it } from 'vitest';
import {
  displayTokenUser,
  parseRequestToken,
  requestToken,
  tokenUser,
} from '@/lib/stacks/request-token';

describe('request tokens', () => {
  it('names the kind, the person and the attempt, within CloudFormation rules', () => {
    const token = requestToken('scale', 'Olivia Operator', 'k3f9x2ab', [
      { key: 'AgentInstanceCap', from: '10', to: '20' },
    ]);
    expect(token).toBe('js-OliviaOperator-k3f9x2ab-cap-10-20');
    expect(token).toMatch(/^[A-Za-z0-9][-A-Za-z0-9]{0,127}$/);
  });

  it('round-trips the changes of a scale edit, instance types included', () => {
    const changes = [
      { key: 'AgentInstanceCap', from: '10', to: '20' },
      { key: 'AgentInstanceType', from: 't3.large', to: 'm5.2xlarge' },
      { key: 'ControllerEnabled', from: 'true', to: 'false' },
    ];
    const parsed = parseRequestToken(requestToken('scale', 'ada', 'attempt01', changes));
    expect(parsed).toEqual({ kind: 'scale', user: 'Ada', attemptId: 'attempt01', changes });
  });

  it('is the same for the same attempt, so a retry is the same request', () => {
    const changes = [{ key: 'WarmAgents', from: '0', to: '2' }];
    expect(requestToken('scale', 'ada', 'abcdef12', changes)).toBe(
      requestToken('scale', 'ada', 'abcdef12', changes),
    );
  });

  it('stays within 128 characters however many changes there are', () => {
    const changes = Array.from({ length: 30 }, () => ({
      key: 'AgentIdleMinutes',
      from: '1440',
      to: '1439',
    }));
    expect(
      requestToken('scale', 'x'.repeat(60), 'a'.repeat(32), changes).length,
    ).toBeLessThanOrEqual(128);
  });

  it('does not claim tokens it did not issue (C14)', () => {
    expect(parseRequestToken('Console-CancelUpdateStack-91ab')).toBeUndefined();
    expect(parseRequestToken(undefined)).toBeUndefined();
  });

  it('keeps only letters and digits of a user name', () => {
    expect(tokenUser('jane.doe@example.com')).toBe('JaneDoeExampleCom');
    expect(tokenUser('Demo operator')).toBe('DemoOperator');
    expect(displayTokenUser('DemoOperator')).toBe('Demo Operator');
    expect(tokenUser('…')).toBe('unknown');
  });
});
