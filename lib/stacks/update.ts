import 'server-only';
import type { Capability } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../aws/clients';
import { executeChangeSet, getTemplateSummary, requireStack } from '../aws/cloudformation';
import { AppError } from '../errors';
import { stackParameters, validateParameters } from '../template';
import { changeSetSafety, type UpdateProposalOutcome } from './change-set-view';
import { proposeChangeSet } from './change-sets';
import { requestToken } from './request-token';
import { canUpdate } from './status';
import { stackTemplate, templateFromText } from './templates';
import type { UpdateProposal } from './update-input';

export type { UpdateProposalOutcome } from './change-set-view';

/**
 * Proposes an update of an existing stack as an UPDATE change set, with its current template or
 * a new one. Only the new template's keys are sent (C04): edited keys with their values, keys the
 * stack already had as previous values (untouched NoEcho ones too, never their mask, C03), new
 * keys with their value or their Default, dropped keys not at all. The review then shows
 * Modify/Replace per resource, and the safety says when the controller restarts.
 */
export async function proposeUpdate(
  clients: AwsClients,
  stackName: string,
  proposal: UpdateProposal,
  userName: string,
): Promise<UpdateProposalOutcome> {
  const stack = await requireStack(clients, stackName);
  if (!canUpdate(stack.StackStatus ?? '')) {
    throw new AppError(
      'conflict:stack_busy',
      `${stackName} cannot be updated in ${stack.StackStatus}.`,
      {
        status: stack.StackStatus,
      },
    );
  }

  const template =
    proposal.templateBody === undefined
      ? await stackTemplate(clients, stackName)
      : templateFromText(proposal.templateBody);
  const touched = new Set(proposal.touched);
  const values = Object.fromEntries(
    Object.entries(proposal.values).filter(([key]) => touched.has(key)),
  );
  const validation = validateParameters(template.model, values, {
    mode: 'update',
    touched,
    previousKeys: new Set(
      (stack.Parameters ?? []).map((parameter) => parameter.ParameterKey ?? ''),
    ),
  });
  const parameters = stackParameters(template.model, validation);

  const summary = await getTemplateSummary(
    clients,
    proposal.templateBody === undefined ? { stackName } : { templateBody: proposal.templateBody },
  );
  const required = summary.Capabilities ?? [];
  const missing = required.filter(
    (capability) => !proposal.capabilities.includes(capability as never),
  );
  if (missing.length > 0) {
    throw new AppError(
      'bad_request:capabilities',
      `Acknowledge ${missing.join(' and ')} to update this stack. ${summary.CapabilitiesReason ?? ''}`.trim(),
      { required, reason: summary.CapabilitiesReason },
    );
  }

  const result = await proposeChangeSet(clients, {
    StackName: stackName,
    ChangeSetName: `update-${proposal.attemptId}`,
    ChangeSetType: 'UPDATE',
    ...(proposal.templateBody === undefined
      ? { UsePreviousTemplate: true }
      : { TemplateBody: proposal.templateBody }),
    Parameters: parameters.map((parameter) => ({ ...parameter })),
    Capabilities: required as Capability[],
    ClientToken: requestToken('update', userName, proposal.attemptId),
    Description: `Update by ${userName}`,
  });
  if (result.kind === 'nothing-to-change') return result;
  return {
    kind: 'change-set',
    changeSet: result.changeSet,
    safety: changeSetSafety(result.changeSet.changes),
  };
}

/** Executes a reviewed UPDATE change set with the attempt's token. */
export async function executeUpdate(
  clients: AwsClients,
  stackName: string,
  changeSetArn: string,
  attemptId: string,
  userName: string,
): Promise<void> {
  await executeChangeSet(
    clients,
    { changeSet: changeSetArn, stackName },
    requestToken('update', userName, attemptId),
  );
}
