import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { initialUpdateForm, typeValue, type UpdateForm } from '@/components/update/update-form';
import { UpdateParametersStep } from '@/components/update/UpdateParametersStep';
import { UpdateReview } from '@/components/update/UpdateReview';
import type { ShownUpdateProblems } from '@/components/update/shown-update-problems';
import type { ChangeSetView } from '@/lib/stacks/change-set-view';
import { changeSetSafety } from '@/lib/stacks/change-set-view';
import { jenkinsModel } from '../launch/templates';

const noProblems: ShownUpdateProblems = {
  parameters: {},
  capabilities: undefined,
  outstanding: [],
};

function renderForm(form: UpdateForm, dropped: string[] = []) {
  const model = jenkinsModel();
  return renderToStaticMarkup(
    <UpdateParametersStep
      model={model}
      form={form}
      problems={noProblems}
      pickers={{
        region: 'eu-west-1',
        regionView: undefined,
        vpcView: undefined,
        hasVpcPicker: true,
        vpcChosen: true,
        loadError: undefined,
        lookups: {
          hostedZones: [{ id: 'Z0AAA111', name: 'example.com.', privateZone: false }],
          hostedZonesError: undefined,
          ssm: {
            AgentAmiId: {
              state: 'found',
              name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
              value: 'ami-0aaa1111aaaa1111a',
              type: 'String',
            },
          },
        },
      }}
      added={new Set()}
      dropped={dropped}
      capabilities={['CAPABILITY_NAMED_IAM']}
      capabilitiesReason={undefined}
      banner={undefined}
      reviewing={false}
      onValue={() => {}}
      onKeepUnchanged={() => {}}
      onAcknowledge={() => {}}
      onReview={() => {}}
    />,
  );
}

function deployedForm(): UpdateForm {
  return initialUpdateForm({
    model: jenkinsModel(),
    values: { AgentInstanceCap: '10', HostedZoneId: '', AllowedCidr: '10.0.0.0/8' },
  });
}

function changeSet(changes: ChangeSetView['changes']): ChangeSetView {
  return {
    arn: 'arn:aws:cloudformation:eu-west-1:123456789012:changeSet/update-abc/1',
    name: 'update-abc',
    stackName: 'jenkins-ctl',
    status: 'CREATE_COMPLETE',
    executionStatus: 'AVAILABLE',
    statusReason: undefined,
    changes,
    countsByType: [],
  };
}

function modify(logicalId: string, resourceType: string, replacement: string) {
  return {
    logicalId,
    physicalId: undefined,
    resourceType,
    action: 'Modify',
    replacement,
    scope: ['Properties'],
    details: [],
  };
}

describe('update form rendering', () => {
  it('labels every input with its parameter label and fills the deployed values', () => {
    const html = renderForm(deployedForm());

    for (const parameter of jenkinsModel().parameters) {
      expect(html).toContain(`<label for="param-${parameter.key}"`);
    }
    expect(html).toMatch(/id="param-AllowedCidr"[^>]*value="10.0.0.0\/8"/);
  });

  it('shows the NoEcho field empty with the unchanged hint until typed into (C03)', () => {
    const untouched = renderForm(deployedForm());
    const typed = renderForm(typeValue(deployedForm(), 'JenkinsAdminPassword', 'x'));

    expect(untouched).toMatch(
      /id="param-JenkinsAdminPassword"[^>]*placeholder="unchanged"[^>]*value=""/,
    );
    expect(untouched).toContain('data-testid="noecho-unchanged-JenkinsAdminPassword"');
    expect(typed).not.toContain('data-testid="noecho-unchanged-JenkinsAdminPassword"');
    expect(typed).toContain('Keep the current value instead');
  });

  it('offers the hosted zones with none, and shows what the agent AMI resolves to', () => {
    const html = renderForm(deployedForm());

    expect(html).toMatch(/<select[^>]*id="param-HostedZoneId"/);
    expect(html).toContain('None: no DNS record');
    expect(html).toContain('example.com — Z0AAA111');
    expect(html).toContain('ami-0aaa1111aaaa1111a');
  });

  it('lists the parameters a new template drops', () => {
    const html = renderForm(deployedForm(), ['LegacyElbName']);

    expect(html).toContain('data-testid="dropped-parameters"');
    expect(html).toContain('LegacyElbName');
  });
});

describe('update review rendering', () => {
  function renderReview(changes: ChangeSetView['changes']) {
    return renderToStaticMarkup(
      <UpdateReview
        changeSet={changeSet(changes)}
        safety={changeSetSafety(changes)}
        ssmParameters={['AgentAmiId']}
        ssm={{}}
        busy={false}
        error={undefined}
        onExecute={() => {}}
        onBack={() => {}}
      />,
    );
  }

  it('warns in red that the controller restarts when its task definition changes', () => {
    const html = renderReview([
      modify('ControllerTaskDefinition', 'AWS::ECS::TaskDefinition', 'True'),
    ]);

    expect(html).toContain('data-testid="update-controller-restart"');
    expect(html).toContain('Jenkins controller will restart; running builds are interrupted');
    expect(html).toContain('data-testid="update-replacements"');
    expect(html).toContain('data-replacement="True"');
    expect(html).toContain('data-testid="update-execute"');
  });

  it('shows an in-place scale edit without a restart warning, with the SSM note', () => {
    const html = renderReview([modify('ScaleAgentCap', 'AWS::SSM::Parameter', 'False')]);

    expect(html).not.toContain('update-controller-restart');
    expect(html).toContain('In place');
    expect(html).toContain('data-testid="update-ssm-note"');
  });
});
