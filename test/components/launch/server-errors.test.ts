import { describe, expect, it } from 'vitest';
import { formErrorsFromServer } from '@/components/launch/server-errors';
import { AppError } from '@/lib/errors';

describe('server errors on the launch form', () => {
  it('puts parameter field errors back under their fields with the same message', () => {
    const error = new AppError('bad_request:parameters', 'Parameter AgentInstanceCap: …', {
      fieldErrors: { AgentInstanceCap: 'Enter a number from 1 to 200.' },
    });

    expect(formErrorsFromServer(error)).toEqual({
      parameters: { AgentInstanceCap: 'Enter a number from 1 to 200.' },
      stackName: undefined,
      tags: {},
      requiredCapabilities: undefined,
      general: undefined,
      stackExists: false,
    });
  });

  it('maps schema paths onto values, the stack name and tag rows', () => {
    const error = new AppError('bad_request:validation', 'The request is not valid.', {
      fields: {
        'values.DomainName': 'Parameter values are at most 4,096 characters.',
        stackName: 'A stack name starts with a letter…',
        'tags.1.key': 'Tag keys cannot start with aws:.',
      },
    });

    expect(formErrorsFromServer(error)).toMatchObject({
      parameters: { DomainName: 'Parameter values are at most 4,096 characters.' },
      stackName: 'A stack name starts with a letter…',
      tags: { 1: 'Tag keys cannot start with aws:.' },
      general: undefined,
    });
  });

  it('puts a taken stack name on the name field', () => {
    const error = new AppError('conflict:stack_exists', 'A stack named ci already exists.');

    expect(formErrorsFromServer(error)).toMatchObject({
      stackName: 'A stack named ci already exists.',
      stackExists: true,
    });
  });

  it('asks again for exactly the capabilities the server requires (C29)', () => {
    const error = new AppError('bad_request:capabilities', 'Acknowledge CAPABILITY_NAMED_IAM.', {
      required: ['CAPABILITY_NAMED_IAM'],
    });

    expect(formErrorsFromServer(error)).toMatchObject({
      requiredCapabilities: ['CAPABILITY_NAMED_IAM'],
      general: 'Acknowledge CAPABILITY_NAMED_IAM.',
    });
  });

  it('reads the capability list from an InsufficientCapabilitiesException message (C29)', () => {
    const error = new AppError(
      'bad_request:cloudformation',
      'Requires capabilities : [CAPABILITY_NAMED_IAM]',
    );

    expect(formErrorsFromServer(error).requiredCapabilities).toEqual(['CAPABILITY_NAMED_IAM']);
  });
});
