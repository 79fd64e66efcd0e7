import type { ParameterModel } from '../template';
import type { ChangeSetView } from './change-set-view';

/** GET /api/launch/template: the bundled template's form model and what it needs acknowledged. */
export interface LaunchTemplateView {
  readonly description: string | undefined;
  readonly model: ParameterModel;
  readonly capabilities: readonly string[];
  readonly capabilitiesReason: string | undefined;
  readonly region: string;
}

/** POST /api/launch: the CREATE change set to review. */
export interface LaunchProposalView {
  readonly stackName: string;
  readonly region: string;
  readonly changeSet: ChangeSetView;
}

/** GET /api/account/network: what the pickers offer, for one region and (optionally) one VPC. */
export interface NetworkView {
  readonly region: string;
  readonly vpcs: readonly {
    readonly id: string;
    readonly cidr: string;
    readonly name: string | undefined;
    readonly isDefault: boolean;
  }[];
  /** Subnets of the chosen VPC only (empty until one is chosen). */
  readonly subnets: readonly {
    readonly id: string;
    readonly availabilityZone: string;
    readonly cidr: string;
    readonly name: string | undefined;
  }[];
  readonly securityGroups: readonly { readonly id: string; readonly name: string }[];
  readonly keyPairs: readonly string[];
  readonly availabilityZones: readonly string[];
}
