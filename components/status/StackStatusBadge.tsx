import { Pill } from '../ui/Pill';
import { stackStatusTone } from './tones';

/** A CloudFormation stack status, coloured by the shared status rules. */
export function StackStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <Pill tone={stackStatusTone(status)} testId={testId}>
      {status}
    </Pill>
  );
}
