import { describe, expect, it } from 'vitest';
import type { LaunchFormProblems } from '@/components/launch/launch-form';
import type { ServerFormErrors } from '@/components/launch/server-errors';
import { shownProblems, STACK_NAME_FIELD } from '@/components/launch/shown-problems';
import { modelOf } from './templates';

const model = modelOf(`
Metadata:
  AWS::CloudFormation::Interface:
    ParameterLabels:
      Cap: {default: Agent instance cap}
Parameters:
  Cap: {Type: Number, MinValue: 1}
  Image: {Type: String}
`);

const problems: LaunchFormProblems = {
  ok: false,
  parameters: { Cap: 'Enter a number of at least 1.', Image: 'Enter a value.' },
  stackName: 'Enter a stack name.',
  tags: {},
  capabilities: undefined,
};

const noServer = undefined;

describe('shown problems', () => {
  it('shows messages only for touched fields but names every blocking field', () => {
    const shown = shownProblems(model, problems, new Set(['Cap']), noServer);

    expect(shown.parameters).toEqual({ Cap: 'Enter a number of at least 1.' });
    expect(shown.stackName).toBeUndefined();
    expect(shown.outstanding).toEqual(['Agent instance cap', 'Image', 'Stack name']);
  });

  it('shows the message of a field that holds a wrong value, touched or not', () => {
    const shown = shownProblems(model, problems, new Set(), noServer, { Cap: '0', Image: '' });

    expect(shown.parameters).toEqual({ Cap: 'Enter a number of at least 1.' });
  });

  it('shows the stack name message once the name is touched', () => {
    const shown = shownProblems(model, problems, new Set([STACK_NAME_FIELD]), noServer);

    expect(shown.stackName).toBe('Enter a stack name.');
  });

  it('keeps the server’s message on a field the person has not edited since', () => {
    const server: ServerFormErrors = {
      parameters: { Image: 'must be a container image reference.' },
      stackName: undefined,
      tags: {},
      requiredCapabilities: undefined,
      general: undefined,
      stackExists: false,
    };
    const shown = shownProblems(model, { ...problems, parameters: {} }, new Set(), server);

    expect(shown.parameters).toEqual({ Image: 'must be a container image reference.' });
  });
});
