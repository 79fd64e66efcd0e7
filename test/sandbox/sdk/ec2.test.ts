import {
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../support';
import { refusal } from './support';

// The EC2 operations whose success paths test/sandbox/services/ec2 covers; these are the named
// errors the dashboard may meet from them, as the SDK maps the ec2Query <Errors> shape.
let sandbox: RunningSandbox;
let ec2: ReturnType<typeof clientsFor>['ec2'];

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 34 });
  ec2 = clientsFor(sandbox.url).ec2;
});
afterAll(() => sandbox.close());

describe('EC2 errors through the SDK', () => {
  it('names a missing VPC InvalidVpcID.NotFound', async () => {
    const error = await refusal(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0nope'] })));
    expect(error.name).toBe('InvalidVpcID.NotFound');
    expect(error.message).toBe("The vpc ID 'vpc-0nope' does not exist");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('names a missing security group InvalidGroup.NotFound', async () => {
    const error = await refusal(
      ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0nope'] })),
    );
    expect(error.name).toBe('InvalidGroup.NotFound');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an unknown Availability Zone filter with InvalidParameterValue', async () => {
    const error = await refusal(
      ec2.send(
        new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] }),
      ),
    );
    expect(error.name).toBe('InvalidParameterValue');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('names a missing image InvalidAMIID.NotFound', async () => {
    const error = await refusal(
      ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })),
    );
    expect(error.name).toBe('InvalidAMIID.NotFound');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses to terminate an instance that does not exist with InvalidInstanceID.NotFound', async () => {
    const error = await refusal(
      ec2.send(new TerminateInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })),
    );
    expect(error.name).toBe('InvalidInstanceID.NotFound');
    expect(error.message).toBe("The instance ID 'i-0123456789abcdef0' does not exist");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
