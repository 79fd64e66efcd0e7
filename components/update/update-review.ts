import type { ResourceChangeView } from '@/lib/stacks/change-set-view';
import type { ParameterModel } from '@/lib/template';
import type { Tone } from '../ui/tone';

/** What the review's replacement column says for one resource change. */
export interface ReplacementCell {
  readonly text: string;
  readonly tone: Tone;
}

/**
 * The replacement column: for Modify, CloudFormation's Replacement flag in words (True means a
 * new physical resource, Conditional that it depends on values resolved at execution); Add and
 * Remove create or delete the resource anyway. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html
 */
export function replacementCell(
  change: Pick<ResourceChangeView, 'action' | 'replacement'>,
): ReplacementCell {
  if (change.action === 'Add') return { text: 'New resource', tone: 'neutral' };
  if (change.action === 'Remove') return { text: 'Deleted', tone: 'bad' };
  switch (change.replacement) {
    case 'True':
      return { text: 'Replaced', tone: 'bad' };
    case 'Conditional':
      return { text: 'May be replaced', tone: 'warn' };
    case 'False':
      return { text: 'In place', tone: 'good' };
    default:
      return { text: '—', tone: 'neutral' };
  }
}

/**
 * The SSM-typed value parameters of the template being deployed. CloudFormation resolves them
 * again on every update, UsePreviousValue or not, so an update that changes nothing else can
 * still roll the agents' AMI (C12); the review names them.
 */
export function reresolvedSsmParameters(model: ParameterModel): string[] {
  return model.parameters
    .filter((parameter) => parameter.type.kind === 'ssm-value')
    .map((parameter) => parameter.key);
}
