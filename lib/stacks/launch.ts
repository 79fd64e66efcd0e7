import 'server-only';
import type { Capability } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../aws/clients';
import {
  deleteChangeSet,
  deleteStack,
  describeStack,
  executeChangeSet,
  getTemplateSummary,
  listChangeSets,
  setTerminationProtection,
} from '../aws/cloudformation';
import { describeSubnets } from '../aws/ec2';
import { AppError } from '../errors';
import {
  stackParameters,
  subnetsInTwoAzs,
  validateParameters,
  type CrossFieldCheck,
  type ParameterModel,
} from '../template';
import type { ChangeSetView } from './change-set-view';
import { proposeChangeSet } from './change-sets';
import type { LaunchExecution, LaunchProposal } from './launch-input';
import { requestToken } from './request-token';
import { canDelete, isAwaitingFirstCreate } from './status';
import { bundledTemplate, templateFromText, type TemplateSource } from './templates';

/** Load-balancer subnet parameters of our template, checked for two AZs (C05). */
const LOAD_BALANCER_SUBNET_KEYS = ['LoadBalancerSubnets'];

/**
 * The cross-field checks for a template's values: for each load-balancer subnet list the
 * template has, the chosen subnets must be in at least two AZs (DescribeSubnets, once).
 */
async function crossFieldChecks(
  clients: AwsClients,
  model: ParameterModel,
  values: Readonly<Record<string, string>>,
): Promise<CrossFieldCheck[]> {
  const keys = LOAD_BALANCER_SUBNET_KEYS.filter((key) =>
    model.parameters.some((parameter) => parameter.key === key),
  );
  if (keys.length === 0) return [];
  const subnets = await describeSubnets(clients, values.VpcId || undefined);
  const subnetAzs: Record<string, string> = {};
  for (const subnet of subnets) {
    if (subnet.SubnetId !== undefined && subnet.AvailabilityZone !== undefined) {
      subnetAzs[subnet.SubnetId] = subnet.AvailabilityZone;
    }
  }
  return keys.map((key) => subnetsInTwoAzs(key, subnetAzs));
}

/** Validates values for a create, with the template's own rules and the cross-field checks. */
export async function validateLaunchValues(
  clients: AwsClients,
  model: ParameterModel,
  values: Readonly<Record<string, string>>,
) {
  const checks = await crossFieldChecks(clients, model, values);
  return validateParameters(model, values, { mode: 'create', checks });
}

/** The capabilities a template needs, from GetTemplateSummary (C29). */
export async function requiredCapabilities(
  clients: AwsClients,
  templateBody: string,
): Promise<{ capabilities: string[]; reason: string | undefined }> {
  const summary = await getTemplateSummary(clients, { templateBody });
  return { capabilities: summary.Capabilities ?? [], reason: summary.CapabilitiesReason };
}

async function templateOf(proposal: LaunchProposal): Promise<TemplateSource> {
  return proposal.templateBody === undefined
    ? bundledTemplate()
    : templateFromText(proposal.templateBody);
}

/**
 * Proposes a new stack as a CREATE change set for review: refuses a name already in use
 * (a stack in REVIEW_IN_PROGRESS continues with a new CREATE change set, C19), validates every
 * value on the server with the form's validator and the cross-field checks, requires the
 * capabilities GetTemplateSummary names to be acknowledged, and names the change set and its
 * token after the attempt so a retried request reuses it.
 */
export async function proposeLaunch(
  clients: AwsClients,
  proposal: LaunchProposal,
  userName: string,
): Promise<{ changeSet: ChangeSetView }> {
  const existing = await describeStack(clients, proposal.stackName);
  if (existing !== undefined && !isAwaitingFirstCreate(existing.StackStatus ?? '')) {
    throw new AppError(
      'conflict:stack_exists',
      existing.StackStatus === 'ROLLBACK_COMPLETE'
        ? `Stack ${proposal.stackName} exists from a failed create; delete it before launching again.`
        : `A stack named ${proposal.stackName} already exists in ${clients.region}; choose another name.`,
      { status: existing.StackStatus },
    );
  }

  const template = await templateOf(proposal);
  const validation = await validateLaunchValues(clients, template.model, proposal.values);
  const parameters = stackParameters(template.model, validation);

  const { capabilities, reason } = await requiredCapabilities(clients, template.body);
  const missing = capabilities.filter(
    (capability) => !proposal.capabilities.includes(capability as never),
  );
  if (missing.length > 0) {
    throw new AppError(
      'bad_request:capabilities',
      `Acknowledge ${missing.join(' and ')} to create this stack. ${reason ?? ''}`.trim(),
      { required: capabilities, reason },
    );
  }

  const proposalResult = await proposeChangeSet(clients, {
    StackName: proposal.stackName,
    ChangeSetName: `launch-${proposal.attemptId}`,
    ChangeSetType: 'CREATE',
    TemplateBody: template.body,
    Parameters: parameters.map((parameter) => ({ ...parameter })),
    Capabilities: capabilities as Capability[],
    Tags: proposal.tags.map((tag) => ({ Key: tag.key, Value: tag.value })),
    ClientToken: requestToken('launch', userName, proposal.attemptId),
    Description: `Launch by ${userName}`,
  });
  if (proposalResult.kind === 'nothing-to-change') {
    throw new AppError('bad_request:change_set', 'CloudFormation found nothing to create.');
  }
  return { changeSet: proposalResult.changeSet };
}

/**
 * Executes a reviewed CREATE change set with the attempt's token (a repeated click is the
 * same request to CloudFormation), then turns termination protection on when asked.
 */
export async function executeLaunch(
  clients: AwsClients,
  execution: LaunchExecution,
  userName: string,
): Promise<void> {
  await executeChangeSet(
    clients,
    { changeSet: execution.changeSetArn, stackName: execution.stackName },
    requestToken('launch', userName, execution.attemptId),
    { disableRollback: !execution.rollbackOnFailure },
  );
  if (execution.terminationProtection) {
    await setTerminationProtection(clients, execution.stackName, true);
  }
}

/**
 * Cancels a reviewed launch: deletes its change set and, when that leaves an empty stack in
 * REVIEW_IN_PROGRESS with no other change set, the stack too, as the console does.
 */
export async function cancelLaunch(
  clients: AwsClients,
  stackName: string,
  changeSetArn: string,
): Promise<void> {
  await deleteChangeSet(clients, { changeSet: changeSetArn, stackName });
  const stack = await describeStack(clients, stackName);
  if (stack === undefined || !isAwaitingFirstCreate(stack.StackStatus ?? '')) return;
  const others = await listChangeSets(clients, stackName);
  if (others.length === 0 && canDelete(stack.StackStatus ?? '')) {
    await deleteStack(clients, stackName);
  }
}
