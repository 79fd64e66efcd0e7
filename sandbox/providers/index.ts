import { CUSTOM_RESOURCE, type ProviderRegistry, type ResourceProvider } from '../core/provider';
import type { CustomResources } from '../lambda/custom-resources';
import { lambdaProviders } from '../lambda/functions';
import type { LoadBalancerPorts } from '../traffic/load-balancer-ports';
import type { World } from '../world/world';
import { ec2Providers } from './ec2';
import { ecsProviders } from './ecs';
import { elbv2Providers } from './elbv2';
import { keyPairProviders } from './key-pair';
import { recordedProviders } from './recorded';
import { route53Providers } from './route53';
import { ssmProviders } from './ssm';

/** Every resource type the project's template uses, mapped to the provider that makes it real. */
export function createProviders(
  world: World,
  ports: LoadBalancerPorts,
  customResources: CustomResources,
): ProviderRegistry {
  const providers: Record<string, ResourceProvider> = {
    ...recordedProviders(world),
    ...ec2Providers(world),
    ...keyPairProviders(world),
    ...ecsProviders(world),
    ...elbv2Providers(world, ports),
    ...ssmProviders(world),
    ...route53Providers(world),
    ...lambdaProviders(world),
    [CUSTOM_RESOURCE]: customResources.provider,
  };
  return new Map(Object.entries(providers));
}
