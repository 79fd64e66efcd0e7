import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { initialLaunchForm } from '@/components/launch/launch-form';
import { ParametersStep } from '@/components/launch/ParametersStep';
import { ReviewStep } from '@/components/launch/ReviewStep';
import type { ShownProblems } from '@/components/launch/shown-problems';
import type { LaunchProposalView, NetworkView } from '@/lib/stacks/launch-view';
import { jenkinsModel } from './templates';

const regionView: NetworkView = {
  region: 'eu-west-1',
  vpcs: [{ id: 'vpc-0abc1234', cidr: '10.0.0.0/16', name: 'main', isDefault: true }],
  subnets: [],
  securityGroups: [],
  keyPairs: [],
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
};

const noProblems: ShownProblems = {
  parameters: {},
  stackName: undefined,
  tags: {},
  capabilities: undefined,
  outstanding: [],
};

function renderForm(problems: ShownProblems, values: Record<string, string> = {}) {
  const model = jenkinsModel();
  const form = initialLaunchForm(model);
  return renderToStaticMarkup(
    <ParametersStep
      model={model}
      form={{ ...form, values: { ...form.values, ...values } }}
      problems={problems}
      pickers={{
        region: 'eu-west-1',
        regionView,
        vpcView: undefined,
        hasVpcPicker: true,
        vpcChosen: false,
        loadError: undefined,
      }}
      capabilities={['CAPABILITY_NAMED_IAM']}
      capabilitiesReason="The following resource(s) require capabilities: [AWS::IAM::Role]"
      ignoredQuickCreate={['JenkinsAdminPassword']}
      banner={undefined}
      existingStackPath={undefined}
      reviewing={false}
      onValue={() => {}}
      onTouch={() => {}}
      onOptions={() => {}}
      onReview={() => {}}
    />,
  );
}

describe('launch wizard rendering', () => {
  it('gives every parameter an input labelled with its label text', () => {
    const html = renderForm(noProblems);

    for (const parameter of jenkinsModel().parameters) {
      expect(html).toContain(`<label for="param-${parameter.key}"`);
      expect(html).toContain(`>${parameter.label.replace('&', '&amp;')}</label>`);
      expect(html).toMatch(new RegExp(`<(input|select)[^>]*id="param-${parameter.key}"`));
    }
  });

  it('renders the NoEcho password as an empty password input', () => {
    const html = renderForm(noProblems, { JenkinsAdminPassword: '' });

    expect(html).toMatch(
      /<input[^>]*id="param-JenkinsAdminPassword"[^>]*type="password"[^>]*value=""/,
    );
  });

  it('shows field errors and keeps review disabled while anything blocks it', () => {
    const html = renderForm({
      ...noProblems,
      parameters: { AgentInstanceCap: 'Enter a number from 1 to 200.' },
      outstanding: ['Agent instance cap'],
    });

    expect(html).toContain('data-testid="field-error-AgentInstanceCap"');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="review-launch"/);
    expect(html).toContain('Still to fix: Agent instance cap.');
  });

  it('names the capabilities with their reason and lists ignored link parameters', () => {
    const html = renderForm(noProblems);

    expect(html).toContain('data-testid="acknowledge-capabilities"');
    expect(html).toContain('[AWS::IAM::Role]');
    expect(html).toContain('data-testid="quick-create-ignored"');
  });

  it('reviews the change set with counts by type and the execute and cancel buttons', () => {
    const proposal: LaunchProposalView = {
      stackName: 'jenkins-ctl',
      region: 'eu-west-1',
      changeSet: {
        arn: 'arn:aws:cloudformation:eu-west-1:123456789012:changeSet/launch-abc/1',
        name: 'launch-abc',
        stackName: 'jenkins-ctl',
        status: 'CREATE_COMPLETE',
        executionStatus: 'AVAILABLE',
        statusReason: undefined,
        changes: [],
        countsByType: [
          { resourceType: 'AWS::IAM::Role', action: 'Add', count: 3 },
          { resourceType: 'AWS::ECS::Cluster', action: 'Add', count: 1 },
        ],
      },
    };
    const html = renderToStaticMarkup(
      <ReviewStep
        proposal={proposal}
        quickCreateLink="http://localhost/launch?region=eu-west-1&stackName=jenkins-ctl"
        busy={undefined}
        error={undefined}
        onExecute={() => {}}
        onCancel={() => {}}
      />,
    );

    expect(html).toContain('data-testid="review-total">4<');
    expect(html).toContain('data-resource-type="AWS::IAM::Role"');
    expect(html).toContain('data-testid="execute-launch"');
    expect(html).toContain('data-testid="cancel-launch"');
  });
});
