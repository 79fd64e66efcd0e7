/**
 * A change set as the review shows it (browser-safe, project's own shape).
 */
export interface ChangeDetailView {
  readonly attribute: string | undefined;
  readonly name: string | undefined;
  readonly requiresRecreation: string | undefined;
  readonly changeSource: string | undefined;
  readonly causingEntity: string | undefined;
}

export interface ResourceChangeView {
  readonly logicalId: string;
  readonly physicalId: string | undefined;
  readonly resourceType: string;
  readonly action: string;
  /** 'True', 'False' or 'Conditional' for Modify; undefined for Add and Remove. */
  readonly replacement: string | undefined;
  readonly scope: readonly string[];
  readonly details: readonly ChangeDetailView[];
}

export interface ChangeSetView {
  readonly arn: string;
  readonly name: string;
  readonly stackName: string;
  readonly status: string;
  readonly executionStatus: string;
  readonly statusReason: string | undefined;
  readonly changes: readonly ResourceChangeView[];
  /** Resource counts by type and action, for the review's summary. */
  readonly countsByType: readonly {
    readonly resourceType: string;
    readonly action: string;
    readonly count: number;
  }[];
}

/** The resource types that make up the Jenkins controller: touching them restarts it. */
export const CONTROLLER_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::Service',
]);

/** What executing a change set will do to Jenkins, in the terms the review needs. */
export interface ChangeSetSafety {
  /** Only in-place modifications, none of them to the controller: execute in one click. */
  readonly safe: boolean;
  /** The controller's task definition or service changes: Jenkins restarts (C24). */
  readonly controllerRestarts: boolean;
  /** Resources replaced (Replacement True or Conditional), e.g. an AMI roll (C12). */
  readonly replacements: readonly string[];
  /** Resources added or removed. */
  readonly addsOrRemoves: readonly string[];
}

/**
 * Classifies a change set for the one-click rule: safe only when every change modifies a
 * resource in place (Replacement False) and none touches the controller's task definition or
 * service. Anything else needs a review and an explicit confirm.
 */
export function changeSetSafety(changes: readonly ResourceChangeView[]): ChangeSetSafety {
  const controllerRestarts = changes.some(
    (change) =>
      CONTROLLER_RESOURCE_TYPES.has(change.resourceType) &&
      // A service whose only change is its desired count does not restart the running task,
      // but turning the controller off does take Jenkins down, so any service change is
      // treated as a restart risk and reviewed.
      change.action !== 'None',
  );
  const replacements = changes
    .filter((change) => change.replacement === 'True' || change.replacement === 'Conditional')
    .map((change) => change.logicalId);
  const addsOrRemoves = changes
    .filter((change) => change.action === 'Add' || change.action === 'Remove')
    .map((change) => change.logicalId);
  return {
    safe:
      changes.length > 0 &&
      !controllerRestarts &&
      replacements.length === 0 &&
      addsOrRemoves.length === 0 &&
      changes.every((change) => change.action === 'Modify'),
    controllerRestarts,
    replacements,
    addsOrRemoves,
  };
}

/** POST /api/stacks/<name>/update: a change set to review, or nothing to change. */
export type UpdateProposalOutcome =
  | {
      readonly kind: 'change-set';
      readonly changeSet: ChangeSetView;
      readonly safety: ChangeSetSafety;
    }
  | { readonly kind: 'nothing-to-change'; readonly message: string };
