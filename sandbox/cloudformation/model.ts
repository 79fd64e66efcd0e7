/**
 * The engine's persisted state: plain JSON kept in the sandbox's state object, so a restart
 * resumes stacks, change sets and even operations in progress where they stood.
 */

export interface ParameterRecord {
  key: string;
  /** The value as supplied (for SSM parameter types: the SSM parameter name). */
  value: string;
  /** For SSM parameter types: the value the parameter store gave at the last operation. */
  resolved?: string;
}

/** A template with the parameter values it was (or is being) deployed with. */
export interface Deployment {
  templateBody: string;
  parameters: ParameterRecord[];
}

export interface ResourceRecord {
  logicalId: string;
  type: string;
  status: string;
  statusReason?: string;
  physicalId?: string;
  attributes: Record<string, unknown>;
  /** Properties as last applied, intrinsic functions resolved. */
  properties: Record<string, unknown>;
  updatedAt: number;
  /** While an update or replacement is in flight: what rollback restores. */
  previous?: {
    physicalId?: string;
    attributes: Record<string, unknown>;
    properties: Record<string, unknown>;
  };
  /** After a replacement: the old physical resource that cleanup deletes. */
  replacedPhysicalId?: string;
}

export interface EventRecord {
  sequence: number;
  eventId: string;
  logicalId: string;
  physicalId?: string;
  type: string;
  status: string;
  reason?: string;
  properties?: string;
  token?: string;
  timestamp: number;
}

export type StepAction = 'create' | 'update' | 'replace' | 'delete' | 'revert' | 'deleteReplaced';
export type StepState = 'waiting' | 'running' | 'settling' | 'done' | 'failed' | 'skipped';

export interface StepRecord {
  logicalId: string;
  action: StepAction;
  /** Logical ids whose steps in the same phase must finish first. */
  after: string[];
  state: StepState;
  readyAt?: number;
  /** Failed because another resource failed first (AWS: "Resource creation cancelled"). */
  cancelled?: boolean;
}

export type Phase =
  | 'create'
  | 'createRollback'
  | 'update'
  | 'cleanup'
  | 'updateRollback'
  | 'rollbackCleanup'
  | 'delete';

export interface OperationRecord {
  kind: 'CREATE' | 'UPDATE' | 'DELETE';
  phase: Phase;
  steps: StepRecord[];
  token?: string;
  onFailure: 'ROLLBACK' | 'DELETE' | 'DO_NOTHING';
  failedToCreate: string[];
  failedToUpdate: string[];
  /** UPDATE: the deployment and outputs to return to on rollback. */
  previous?: { deployment: Deployment; outputs: OutputRecord[] };
  /** Stopped in a *_FAILED state, waiting for ContinueUpdateRollback. */
  halted?: boolean;
  /** UPDATE: resources this update added, which an update rollback deletes again. */
  added: string[];
  /** UPDATE: the template being deployed, kept for ordering deletions after a rollback. */
  nextTemplateBody?: string;
  retain?: string[];
  changeSetId?: string;
}

export interface OutputRecord {
  key: string;
  value: string;
  description?: string;
  exportName?: string;
}

export interface ChangeRecord {
  logicalId: string;
  type: string;
  action: 'Add' | 'Modify' | 'Remove';
  physicalId?: string;
  replacement?: 'True' | 'False' | 'Conditional';
  scope: string[];
  details: Record<string, unknown>[];
}

export interface ChangeSetRecord {
  id: string;
  name: string;
  type: 'CREATE' | 'UPDATE';
  description?: string;
  status: string;
  statusReason?: string;
  executionStatus: string;
  createdAt: number;
  readyAt: number;
  deployment: Deployment;
  capabilities: string[];
  changes: ChangeRecord[];
  token?: string;
  notificationArns: string[];
  tags: { Key: string; Value: string }[];
  failureReason?: string;
}

export interface StackRecord {
  stackId: string;
  stackName: string;
  status: string;
  statusReason?: string;
  createdAt: number;
  updatedAt?: number;
  deletedAt?: number;
  description?: string;
  deployment: Deployment;
  capabilities: string[];
  notificationArns: string[];
  tags: { Key: string; Value: string }[];
  disableRollback: boolean;
  terminationProtection: boolean;
  outputs: OutputRecord[];
  resources: ResourceRecord[];
  events: EventRecord[];
  changeSets: ChangeSetRecord[];
  operation?: OperationRecord;
  /** Request tokens already used on this stack, with a fingerprint of their request. */
  tokens: Record<string, string>;
}

export interface RegionRecord {
  stacks: StackRecord[];
}

export interface FaultRecord {
  region: string;
  stackName: string;
  logicalId: string;
  reason: string;
}

export interface EngineState {
  sequence: number;
  regions: Record<string, RegionRecord>;
  faults: FaultRecord[];
}

/** Reads (initialising on first use) the engine's part of the sandbox's state object. */
export function engineState(state: Record<string, unknown>): EngineState {
  const existing = state as Partial<EngineState>;
  existing.sequence ??= 0;
  existing.regions ??= {};
  existing.faults ??= [];
  return existing as EngineState;
}

export function regionRecord(state: EngineState, region: string): RegionRecord {
  let record = state.regions[region];
  if (!record) {
    record = { stacks: [] };
    state.regions[region] = record;
  }
  return record;
}

/** A stack still alive (not DELETE_COMPLETE), found by name or by stack id. */
export function findLiveStack(region: RegionRecord, nameOrId: string): StackRecord | undefined {
  return region.stacks.find(
    (stack) =>
      stack.status !== 'DELETE_COMPLETE' &&
      (stack.stackName === nameOrId || stack.stackId === nameOrId),
  );
}

/** Stack ids find deleted stacks too, as in AWS; names find only live ones. */
export function findStack(region: RegionRecord, nameOrId: string): StackRecord | undefined {
  return (
    findLiveStack(region, nameOrId) ?? region.stacks.find((stack) => stack.stackId === nameOrId)
  );
}
