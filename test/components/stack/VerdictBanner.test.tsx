import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VerdictBanner } from '@/components/stack/VerdictBanner';

describe('verdict banner', () => {
  it('names the failing layer and its likely cause', () => {
    const html = renderToString(
      <VerdictBanner
        verdict={{
          level: 'Degraded',
          layer: 'target',
          summary: 'The controller target is unhealthy.',
          cause: 'A ResponseCodeMismatch usually means a wrong health-check path.',
        }}
      />,
    );

    expect(html).toContain('data-level="Degraded"');
    expect(html).toContain('Load balancer target health');
    expect(html).toContain('A ResponseCodeMismatch usually means a wrong health-check path.');
    expect(html).toContain('bg-amber-50');
  });

  it('names no layer when all is well', () => {
    const html = renderToString(
      <VerdictBanner
        verdict={{
          level: 'Healthy',
          layer: undefined,
          summary: 'Jenkins is serving.',
          cause: undefined,
        }}
      />,
    );

    expect(html).not.toContain('Failing layer');
    expect(html).toContain('bg-emerald-50');
  });
});
