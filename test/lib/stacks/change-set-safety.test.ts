import { describe, expect, it } from 'vitest';
import { changeSetSafety, type ResourceChangeView } from '@/lib/stacks/change-set-view';

function change(overrides: Partial<ResourceChangeView>): ResourceChangeView {
  return {
    logicalId: 'AgentCapParameter',
    physicalId: '/jenkins-on-aws/jenkins-ctl/agent-cap',
    resourceType: 'AWS::SSM::Parameter',
    action: 'Modify',
    replacement: 'False',
    scope: ['Properties'],
    details: [],
    ...overrides,
  };
}

describe('change set safety', () => {
  it('executes at once when only SSM parameters change in place', () => {
    expect(changeSetSafety([change({})]).safe).toBe(true);
  });

  it('needs a confirm when the controller task definition is replaced (C24)', () => {
    const safety = changeSetSafety([
      change({
        logicalId: 'ControllerTaskDef',
        resourceType: 'AWS::ECS::TaskDefinition',
        replacement: 'True',
      }),
      change({
        logicalId: 'ControllerService',
        resourceType: 'AWS::ECS::Service',
        replacement: 'False',
      }),
    ]);
    expect(safety).toMatchObject({
      safe: false,
      controllerRestarts: true,
      replacements: ['ControllerTaskDef'],
    });
  });

  it('needs a confirm when the service alone changes (turning the controller off)', () => {
    const safety = changeSetSafety([
      change({ logicalId: 'ControllerService', resourceType: 'AWS::ECS::Service' }),
    ]);
    expect(safety.safe).toBe(false);
    expect(safety.controllerRestarts).toBe(true);
  });

  it('flags conditional replacements and additions (C12)', () => {
    const safety = changeSetSafety([
      change({
        logicalId: 'AgentLaunchTemplate',
        resourceType: 'AWS::EC2::LaunchTemplate',
        replacement: 'Conditional',
      }),
      change({ logicalId: 'NewThing', action: 'Add', replacement: undefined }),
    ]);
    expect(safety).toMatchObject({
      safe: false,
      replacements: ['AgentLaunchTemplate'],
      addsOrRemoves: ['NewThing'],
    });
  });

  it('never calls an empty change set safe', () => {
    expect(changeSetSafety([]).safe).toBe(false);
  });
});
