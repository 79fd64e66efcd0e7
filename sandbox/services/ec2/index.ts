import type { ServiceDefinition } from '../../core/types';
import type { World } from '../../world/world';
import { instanceOperations } from './instances';
import { networkOperations } from './network';

/** The EC2 calls the dashboard and the template's parameter types need (ec2Query). */
export function createEc2Service(world: World): ServiceDefinition {
  return {
    signingName: 'ec2',
    protocol: 'ec2',
    xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
    operations: { ...networkOperations(world), ...instanceOperations(world) },
  };
}
