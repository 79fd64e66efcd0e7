import {
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployJenkins, JENKINS_CAPABILITIES, scaleEdit, settle } from '../sdk/support';
import { clientsFor, pausedSandbox, REGION } from '../support';

const STACK = 'jenkins-ctl';
const AMI_PATH = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const NEWER_AMI = 'ami-0bbb2222bbbb2222b';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 112 });
  clients = clientsFor(sandbox.url);
  await deployJenkins(sandbox, clients, STACK);
});
afterAll(() => sandbox.close());

describe('C12 SSM-typed parameters re-resolve on every update', () => {
  it('shows both the parameter path and the AMI it resolved to', async () => {
    const stack = await settle(sandbox, clients.cloudFormation, STACK);
    const published = (await clients.ssm.send(new GetParameterCommand({ Name: AMI_PATH })))
      .Parameter?.Value;
    expect(stack.Parameters).toContainEqual({
      ParameterKey: 'AgentAmiId',
      ParameterValue: AMI_PATH,
      ResolvedValue: published,
    });
  });

  it('includes the AMI setting in a cap-only scale edit once the public parameter moved on', async () => {
    // AWS publishes a newer image under the same public path; nobody edits the stack's AMI.
    const parameter = sandbox.world.region(REGION).parameters[AMI_PATH];
    if (!parameter) throw new Error('the seeded AMI parameter is missing');
    parameter.value = NEWER_AMI;
    parameter.version += 1;

    await clients.cloudFormation.send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'cap-15',
        UsePreviousTemplate: true,
        Parameters: scaleEdit({ AgentInstanceCap: '15' }),
        Capabilities: JENKINS_CAPABILITIES,
      }),
    );
    await sandbox.control.advance(3_000);
    const changeSet = await clients.cloudFormation.send(
      new DescribeChangeSetCommand({ StackName: STACK, ChangeSetName: 'cap-15' }),
    );
    expect(changeSet.Parameters).toContainEqual({
      ParameterKey: 'AgentAmiId',
      ParameterValue: AMI_PATH,
      ResolvedValue: NEWER_AMI,
    });
    const changed = changeSet.Changes?.map((change) => change.ResourceChange);
    expect(changed?.map((change) => change?.LogicalResourceId).sort()).toEqual([
      'AgentAmiSetting',
      'AgentCapSetting',
    ]);
    expect(
      changed?.find((change) => change?.LogicalResourceId === 'AgentAmiSetting')?.Details,
    ).toContainEqual(
      expect.objectContaining({ ChangeSource: 'ParameterReference', CausingEntity: 'AgentAmiId' }),
    );

    await clients.cloudFormation.send(
      new ExecuteChangeSetCommand({ StackName: STACK, ChangeSetName: 'cap-15' }),
    );
    expect((await settle(sandbox, clients.cloudFormation, STACK)).StackStatus).toBe(
      'UPDATE_COMPLETE',
    );
    const setting = await clients.ssm.send(
      new GetParameterCommand({ Name: `/jenkins-on-aws/${STACK}/agent-ami` }),
    );
    expect(setting.Parameter?.Value).toBe(NEWER_AMI);
  });
});
