import type { Verdict } from '@/lib/status/types';
import { Banner } from '../ui/Banner';
import { VERDICT_LAYER_LABELS, verdictTone } from '../status/tones';

/**
 * The answer to "is Jenkins serving and able to build?": the verdict, the first layer that
 * is not fine, and its likely cause.
 */
export function VerdictBanner({ verdict }: { verdict: Verdict }) {
  return (
    <Banner tone={verdictTone(verdict.level)} testId="verdict-banner">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-base font-semibold" data-testid="verdict" data-level={verdict.level}>
          {verdict.level}
        </span>
        <span data-testid="verdict-summary">{verdict.summary}</span>
      </div>
      {verdict.layer === undefined ? null : (
        <div className="mt-1" data-testid="verdict-layer" data-layer={verdict.layer}>
          <span className="font-medium">Failing layer:</span> {VERDICT_LAYER_LABELS[verdict.layer]}
        </div>
      )}
      {verdict.cause === undefined ? null : (
        <div className="mt-1" data-testid="verdict-cause">
          <span className="font-medium">Likely cause:</span> {verdict.cause}
        </div>
      )}
    </Banner>
  );
}
