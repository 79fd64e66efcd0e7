/**
 * The seam between the sandbox's CloudFormation engine (sandbox/cloudformation/) and the
 * simulated services (sandbox/services/, sandbox/world/). The engine decides *what* happens
 * to a resource (create, update in place, replace, delete, in which order, with which
 * events); a provider makes it happen in the simulated world.
 */

/** What the engine knows about a resource when it asks a provider to act. */
export interface ResourceRequest {
  readonly logicalId: string;
  readonly resourceType: string;
  /** Properties with every intrinsic function already resolved. */
  readonly properties: Readonly<Record<string, unknown>>;
  readonly stackName: string;
  readonly stackId: string;
  readonly region: string;
  readonly accountId: string;
}

/** The result of creating a resource: what `Ref` and `Fn::GetAtt` return for it. */
export interface Provisioned {
  /** The physical id, which is also what `Ref` returns (an ARN for some types, as in AWS). */
  readonly physicalId: string;
  /** Values for `Fn::GetAtt`, keyed by attribute name (e.g. `DNSName`, `Arn`). */
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** Whether a resource has settled after create or update (e.g. an ECS service is stable). */
export type Settlement =
  | {
      readonly state: 'settled';
      /** Ids and attributes known only once settled (a custom resource's function answers). */
      readonly provisioned?: Provisioned;
    }
  | { readonly state: 'pending' }
  | {
      readonly state: 'failed';
      readonly reason: string;
    };

export interface ResourceProvider {
  /** Creates the resource in the world. Throw an Error with AWS's wording to fail it. */
  create(request: ResourceRequest): Provisioned;
  /** Updates in place (the engine has decided that no replacement is needed). */
  update(
    request: ResourceRequest & {
      readonly physicalId: string;
      readonly previousProperties: Readonly<Record<string, unknown>>;
    },
  ): Provisioned;
  /** Deletes the resource; deleting something already gone is not an error. */
  delete(request: ResourceRequest & { readonly physicalId: string }): void;
  /**
   * Polled by the engine on every simulation tick after create/update, until settled or
   * failed. Absent means the resource settles as soon as the engine's own delay has passed.
   */
  settle?(physicalId: string): Settlement;
  /**
   * Polled the same way after delete, for resources AWS takes time to remove (an ECS service
   * drains its tasks before it is INACTIVE, and its cluster cannot go before it).
   */
  settleDeletion?(physicalId: string): Settlement;
}

/** Providers by CloudFormation resource type (e.g. `AWS::ECS::Service`). */
export type ProviderRegistry = ReadonlyMap<string, ResourceProvider>;

/** The provider of every custom resource type: `Custom::Anything` is registered under this one. */
export const CUSTOM_RESOURCE = 'AWS::CloudFormation::CustomResource';

/** The registry key of a resource type (every `Custom::…` type shares one provider). */
export function providerKey(type: string): string {
  return type.startsWith('Custom::') ? CUSTOM_RESOURCE : type;
}
