import type { Verdict } from '@/lib/status/types';
import { Pill } from '../ui/Pill';
import { verdictTone } from './tones';

/** The verdict as a coloured label; its title carries the one-sentence summary. */
export function VerdictBadge({ verdict, testId }: { verdict: Verdict; testId?: string }) {
  return (
    <Pill tone={verdictTone(verdict.level)} testId={testId} title={verdict.summary}>
      {verdict.level}
    </Pill>
  );
}
