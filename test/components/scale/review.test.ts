import { describe, expect, it } from 'vitest';
import { replacementText, reviewWarnings } from '@/components/scale/review';
import { needsConfirmation, resourceChange } from './changes';
import { DEPLOYED } from './fixtures';

const taskDefinitionReplaced = resourceChange(
  'ControllerTaskDef',
  'AWS::ECS::TaskDefinition',
  'Modify',
  'True',
);
const serviceModified = resourceChange('ControllerService', 'AWS::ECS::Service', 'Modify', 'False');

describe('reviewWarnings', () => {
  it('says the controller restarts and how many builds it interrupts (C24)', () => {
    const review = needsConfirmation([taskDefinitionReplaced, serviceModified], 3);
    expect(reviewWarnings(review, { AgentInstanceCap: '20' }, DEPLOYED)).toEqual([
      'The Jenkins controller will restart; 3 running builds will be interrupted.',
      'These resources will be replaced: ControllerTaskDef.',
    ]);
  });

  it('counts one build in the singular and no builds plainly', () => {
    const one = needsConfirmation([serviceModified], 1);
    expect(reviewWarnings(one, {}, DEPLOYED)[0]).toBe(
      'The Jenkins controller will restart; 1 running build will be interrupted.',
    );
    const none = needsConfirmation([serviceModified], 0);
    expect(reviewWarnings(none, {}, DEPLOYED)[0]).toBe(
      'The Jenkins controller will restart; no builds are running right now.',
    );
  });

  it('still warns when Jenkins could not say how many builds run', () => {
    const review = needsConfirmation([serviceModified], undefined);
    expect(reviewWarnings(review, {}, DEPLOYED)[0]).toBe(
      'The Jenkins controller will restart; running builds will be interrupted (Jenkins did not say how many).',
    );
  });

  it('always says Jenkins goes down when the controller is turned off', () => {
    const review = needsConfirmation([serviceModified], 2);
    expect(reviewWarnings(review, { ControllerEnabled: 'false' }, DEPLOYED)[0]).toBe(
      'Turning the controller off stops Jenkins: its web UI and API go down and 2 running ' +
        'builds will be interrupted. JENKINS_HOME stays on EFS; turn the controller on to bring ' +
        'Jenkins back.',
    );
  });

  it('says the controller starts when it is turned back on', () => {
    const review = needsConfirmation([serviceModified], undefined);
    const seen = { ...DEPLOYED, ControllerEnabled: 'false' };
    expect(reviewWarnings(review, { ControllerEnabled: 'true' }, seen)).toEqual([
      'The Jenkins controller will start; Jenkins answers once its target is healthy.',
    ]);
  });

  it('names replacements the person did not ask for, such as agents rolling to a new AMI (C12)', () => {
    const review = needsConfirmation(
      [resourceChange('AgentAmiSetting', 'AWS::SSM::Parameter', 'Modify', 'Conditional')],
      0,
    );
    expect(reviewWarnings(review, { AgentInstanceCap: '15' }, DEPLOYED)).toEqual([
      'These resources will be replaced: AgentAmiSetting.',
    ]);
  });
});

describe('replacementText', () => {
  it('reads the replacement flag in words', () => {
    expect(replacementText(taskDefinitionReplaced)).toBe('Yes');
    expect(replacementText(serviceModified)).toBe('No');
    expect(replacementText({ replacement: 'Conditional' })).toBe('Maybe');
    expect(replacementText({ replacement: undefined })).toBe('—');
  });
});
