import { postJson } from '@/lib/client/post';
import type { LaunchProposalView, LaunchTemplateView, NetworkView } from '@/lib/stacks/launch-view';

/** GET /api/launch/template for a region: the form model and the capabilities to acknowledge. */
export function launchTemplateKey(region: string): string {
  return `/api/launch/template?region=${encodeURIComponent(region)}`;
}

/**
 * GET /api/account/network: without a VPC, the region's VPCs, key pairs and zones; with one,
 * also its subnets and security groups. A null region skips the fetch.
 */
export function networkKey(region: string | undefined, vpcId?: string): string | null {
  if (region === undefined || region === '') return null;
  const query = new URLSearchParams({ region });
  if (vpcId !== undefined && vpcId !== '') query.set('vpcId', vpcId);
  return `/api/account/network?${query.toString()}`;
}

/** The proposal the review step shows, as POST /api/launch takes it. */
export interface LaunchProposalRequest {
  readonly stackName: string;
  readonly attemptId: string;
  readonly values: Readonly<Record<string, string>>;
  /** Another template's text (uploaded or pasted); omitted for the bundled template. */
  readonly templateBody?: string;
  readonly tags: readonly { readonly key: string; readonly value: string }[];
  readonly capabilities: readonly string[];
  readonly terminationProtection: boolean;
  readonly rollbackOnFailure: boolean;
}

/** POST /api/launch: creates the CREATE change set to review. */
export function proposeLaunch(region: string, proposal: LaunchProposalRequest) {
  return postJson<LaunchProposalView>(`/api/launch?region=${encodeURIComponent(region)}`, proposal);
}

/** POST /api/launch/execute: starts the create from the reviewed change set. */
export function executeLaunch(
  region: string,
  execution: {
    readonly stackName: string;
    readonly attemptId: string;
    readonly changeSetArn: string;
    readonly terminationProtection: boolean;
    readonly rollbackOnFailure: boolean;
  },
) {
  return postJson<{ stackName: string; region: string }>(
    `/api/launch/execute?region=${encodeURIComponent(region)}`,
    execution,
  );
}

/** POST /api/launch/cancel: deletes the reviewed change set (and the empty stack it made). */
export function cancelLaunch(
  region: string,
  cancel: { readonly stackName: string; readonly changeSetArn: string },
) {
  return postJson<{ cancelled: boolean }>(
    `/api/launch/cancel?region=${encodeURIComponent(region)}`,
    cancel,
  );
}

export type { LaunchTemplateView, NetworkView };
export { postJson };
export type { PostDeps } from '@/lib/client/post';
