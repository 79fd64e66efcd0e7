import 'server-only';
import type { Capability, Stack } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../aws/clients';
import {
  deleteChangeSet,
  describeStack,
  executeChangeSet,
  listChangeSets,
  readLatestStackEvents,
  requireStack,
} from '../aws/cloudformation';
import { AppError } from '../errors';
import { log } from '../log';
import {
  changeSetSafety,
  type ChangeSetSafety,
  type ChangeSetView,
} from '../stacks/change-set-view';
import { proposeChangeSet } from '../stacks/change-sets';
import { requestToken } from '../stacks/request-token';
import { withStackLock } from '../stacks/stack-lock';
import { canUpdate, isInProgress } from '../stacks/status';
import { stackTemplate } from '../stacks/templates';
import { stackParameters, validateParameters } from '../template';
import { inactiveParameterReason } from './inactive';
import type { ScaleEdit } from './input';
import { INTEGER_SCALE_PARAMETERS, SCALE_PARAMETERS } from './limits';

export type ScaleValues = Readonly<Record<string, string>>;

/** What a scale edit came to. A conflict is thrown as an AppError with the fresh values. */
export type ScaleOutcome =
  | {
      readonly kind: 'applied';
      readonly requestToken: string;
      readonly changeSet: ChangeSetView | undefined;
      readonly values: ScaleValues;
    }
  | {
      readonly kind: 'nothing-to-change';
      readonly message: string;
      /** The deployed values, re-read after the no-op (C02): never the values asked for. */
      readonly deployed: ScaleValues;
    }
  | {
      readonly kind: 'needs-confirmation';
      readonly changeSet: ChangeSetView;
      readonly safety: ChangeSetSafety;
      readonly runningBuilds: number | undefined;
    };

/** The deployed scale values of a stack, from DescribeStacks. */
export function deployedScaleValues(stack: Stack): Record<string, string> {
  const values: Record<string, string> = {};
  for (const parameter of stack.Parameters ?? []) {
    const key = parameter.ParameterKey ?? '';
    if ((SCALE_PARAMETERS as readonly string[]).includes(key)) {
      values[key] = parameter.ParameterValue ?? '';
    }
  }
  return values;
}

function busyConflict(stack: Stack, region: string): AppError {
  const status = stack.StackStatus ?? 'UNKNOWN';
  const name = stack.StackName ?? '';
  return new AppError(
    'conflict:stack_busy',
    isInProgress(status)
      ? `Another operation is running on ${name} (${status}); wait for it to finish.`
      : `${name} cannot be updated in ${status}.`,
    {
      status,
      link: `/stacks/${encodeURIComponent(name)}?region=${region}`,
      fresh: deployedScaleValues(stack),
    },
  );
}

function isBusyError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'InvalidChangeSetStatusException' ||
      error.name === 'InvalidChangeSetStatus' ||
      /_IN_PROGRESS state and can not be updated|cannot be executed in its current/i.test(
        error.message,
      ))
  );
}

/** Deletes scale change sets of earlier attempts that were never confirmed (C16). */
async function deleteAbandoned(clients: AwsClients, stackName: string, currentName: string) {
  const summaries = await listChangeSets(clients, stackName);
  await Promise.all(
    summaries
      .filter(
        (summary) =>
          summary.ChangeSetName?.startsWith('scale-') && summary.ChangeSetName !== currentName,
      )
      .filter((summary) => summary.ExecutionStatus === 'AVAILABLE' || summary.Status === 'FAILED')
      .map((summary) =>
        deleteChangeSet(clients, { changeSet: summary.ChangeSetId ?? '', stackName }),
      ),
  );
}

/**
 * Applies a scale edit as a guarded, attributed stack update. Under the stack's lock: the stack
 * must accept an update and no other operation may be running; the values the person saw must
 * still be deployed (otherwise a conflict with the fresh values). The edit becomes an UPDATE
 * change set on the current template, edited parameters with values, every other parameter as
 * previous value (untouched NoEcho ones included, C03). A change set that only modifies
 * resources in place, away from the controller, is executed at once; anything else comes back
 * for confirmation with its changes. The ClientRequestToken names the person and is stable
 * per attempt, so a retried request finds its own operation and never starts a second one.
 */
export async function applyScaleEdit(
  clients: AwsClients,
  stackName: string,
  edit: ScaleEdit,
  userName: string,
  runningBuilds: () => Promise<number | undefined>,
): Promise<ScaleOutcome> {
  return withStackLock(`${clients.region}/${stackName}`, async () => {
    const stack = await requireStack(clients, stackName);
    const deployed = deployedScaleValues(stack);
    // The token is built from the request alone (what the person saw and asked for), so a
    // retry of the attempt yields the same token even after the first try changed the stack.
    const changes = Object.entries(edit.changes).map(([key, value]) => ({
      key,
      from: edit.expected[key as keyof typeof edit.expected] ?? deployed[key] ?? '',
      to: (value ?? '').trim(),
    }));
    const token = requestToken('scale', userName, edit.attemptId, changes);

    // A retry of an attempt that already started its update: the same operation, not a new one.
    const recent = await readLatestStackEvents(clients, stackName);
    if (recent.some((event) => event.ClientRequestToken === token)) {
      return { kind: 'applied', requestToken: token, changeSet: undefined, values: deployed };
    }

    if (!canUpdate(stack.StackStatus ?? '')) throw busyConflict(stack, clients.region);
    const stale = Object.entries(edit.expected).filter(([key, value]) => deployed[key] !== value);
    if (stale.length > 0) {
      throw new AppError(
        'conflict:scale',
        `The deployed values changed since you loaded the page (${stale
          .map(([key]) => `${key} is now ${deployed[key] ?? 'unset'}`)
          .join(', ')}). Review the fresh values and try again.`,
        { fresh: deployed },
      );
    }

    const template = await stackTemplate(clients, stackName);
    const validation = validateParameters(template.model, edit.changes, {
      mode: 'update',
      touched: new Set(Object.keys(edit.changes)),
      previousKeys: new Set(
        (stack.Parameters ?? []).map((parameter) => parameter.ParameterKey ?? ''),
      ),
      integerParameters: INTEGER_SCALE_PARAMETERS,
    });
    const parameters = stackParameters(template.model, validation);

    const changeSetName = `scale-${edit.attemptId}`;
    await deleteAbandoned(clients, stackName, changeSetName);
    const proposal = await proposeChangeSet(clients, {
      StackName: stackName,
      ChangeSetName: changeSetName,
      ChangeSetType: 'UPDATE',
      UsePreviousTemplate: true,
      Parameters: parameters.map((parameter) => ({ ...parameter })),
      Capabilities: (stack.Capabilities ?? []) as Capability[],
      ClientToken: token,
      Description: `Scale edit by ${userName}`,
    });

    if (proposal.kind === 'nothing-to-change') {
      const fresh = await describeStack(clients, stackName);
      const inactive = inactiveParameterReason(template, Object.keys(edit.changes));
      return {
        kind: 'nothing-to-change',
        message: inactive ?? proposal.message,
        deployed: fresh === undefined ? deployed : deployedScaleValues(fresh),
      };
    }

    const { changeSet } = proposal;
    const safety = changeSetSafety(changeSet.changes);
    if (!safety.safe && !edit.confirm) {
      return {
        kind: 'needs-confirmation',
        changeSet,
        safety,
        runningBuilds: await runningBuilds(),
      };
    }

    try {
      await executeChangeSet(clients, { changeSet: changeSet.arn, stackName }, token);
    } catch (error) {
      if (!isBusyError(error)) throw error;
      await deleteChangeSet(clients, { changeSet: changeSet.arn, stackName }).catch(
        (cleanup: unknown) =>
          log.warn({ err: cleanup, stackName }, 'could not delete a change set after a conflict'),
      );
      const fresh = await describeStack(clients, stackName);
      throw fresh === undefined ? error : busyConflict(fresh, clients.region);
    }
    const values = { ...deployed };
    for (const change of changes) values[change.key] = change.to;
    return { kind: 'applied', requestToken: token, changeSet, values };
  });
}
