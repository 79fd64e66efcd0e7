import type { ResourceProvider, ResourceRequest } from '../core/provider';
import type { HostedZone } from '../world/state';
import type { World } from '../world/world';
import { text } from './properties';

/** AWS::Route53::RecordSet: Ref → the record's domain name; the record lands in the hosted zone. */
export function route53Providers(world: World): Record<string, ResourceProvider> {
  const zoneOf = (request: ResourceRequest): HostedZone => {
    const id = text(request.properties.HostedZoneId).replace(/^\/?hostedzone\//, '');
    const name = absolute(text(request.properties.HostedZoneName));
    const zone = Object.values(world.state.hostedZones).find(
      (candidate) => candidate.id === id || (name !== '.' && candidate.name === name),
    );
    if (!zone)
      throw new Error(
        `No hosted zone found with ID: ${id || name} (Service: Route53, Status Code: 404)`,
      );
    return zone;
  };

  const write = (request: ResourceRequest): string => {
    const zone = zoneOf(request);
    const name = absolute(text(request.properties.Name));
    if (name !== zone.name && !name.endsWith(`.${zone.name}`)) {
      throw new Error(`[RRSet with DNS name ${name} is not permitted in zone ${zone.name}]`);
    }
    const type = text(request.properties.Type);
    zone.records[`${name}|${type}`] = {
      name,
      type,
      value: request.properties.AliasTarget ?? request.properties.ResourceRecords,
      stackName: request.stackName,
    };
    return name.slice(0, -1);
  };

  return {
    'AWS::Route53::RecordSet': {
      create(request) {
        return { physicalId: write(request), attributes: {} };
      },
      update(request) {
        return { physicalId: write(request), attributes: {} };
      },
      delete(request) {
        for (const zone of Object.values(world.state.hostedZones)) {
          delete zone.records[`${absolute(request.physicalId)}|${text(request.properties.Type)}`];
        }
      },
    },
  };
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}
