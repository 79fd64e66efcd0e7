import { describe, expect, it } from 'vitest';
import { postScaleEdit, scalePanelKey } from '@/components/scale/scale-api';
import { AppError } from '@/lib/errors';

const body = {
  attemptId: 'k3f9x2abcd12',
  changes: { AgentInstanceCap: '20' },
  expected: { AgentInstanceCap: '10' },
  confirm: false,
};

function answering(status: number, json: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(json), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, fetchImpl };
}

describe('scalePanelKey', () => {
  it('names the stack and region, escaped', () => {
    expect(scalePanelKey('jenkins-ctl', 'eu-west-1')).toBe(
      '/api/stacks/jenkins-ctl/scale?region=eu-west-1',
    );
    expect(scalePanelKey('', 'eu-west-1')).toBeNull();
  });
});

describe('postScaleEdit', () => {
  it('posts the edit as JSON to the scale route', async () => {
    const { calls, fetchImpl } = answering(200, {
      kind: 'nothing-to-change',
      message: 'No updates are to be performed.',
      deployed: { AgentInstanceCap: '10' },
    });
    const answer = await postScaleEdit('jenkins-ctl', 'eu-west-1', body, fetchImpl);
    expect(answer.kind).toBe('nothing-to-change');
    expect(calls[0]?.url).toBe('/api/stacks/jenkins-ctl/scale?region=eu-west-1');
    expect(calls[0]?.init.method).toBe('POST');
    expect(new Headers(calls[0]?.init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(body);
  });

  it('rebuilds a 409 conflict with its fresh values', async () => {
    const { fetchImpl } = answering(409, {
      code: 'conflict:scale',
      message: 'The deployed values changed.',
      details: { fresh: { AgentInstanceCap: '15' } },
    });
    const failure = await postScaleEdit('jenkins-ctl', 'eu-west-1', body, fetchImpl).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('conflict:scale');
    expect((failure as AppError).details).toEqual({ fresh: { AgentInstanceCap: '15' } });
  });

  it('reports an unreachable dashboard as unavailable:network', async () => {
    const failing = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(postScaleEdit('jenkins-ctl', 'eu-west-1', body, failing)).rejects.toMatchObject({
      code: 'unavailable:network',
    });
  });
});
