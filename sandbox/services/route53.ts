import { AwsServiceError } from '../core/errors';
import type { ServiceDefinition } from '../core/types';
import type { RestXmlOutput } from '../protocols/rest-xml';
import type { HostedZone } from '../world/state';
import type { World } from '../world/world';

const API_PREFIX = '/2013-04-01/hostedzone';

/** Route53's hosted-zone reads (restXml, global: state is shared by all regions). */
export function createRoute53Service(world: World): ServiceDefinition {
  return {
    signingName: 'route53',
    protocol: 'rest-xml',
    xmlNamespace: 'https://route53.amazonaws.com/doc/2013-04-01/',
    routeRest(method, path) {
      if (method !== 'GET') return undefined;
      if (path === API_PREFIX) return { operation: 'ListHostedZones', input: {} };
      if (path.startsWith(`${API_PREFIX}/`)) {
        return {
          operation: 'GetHostedZone',
          input: { Id: decodeURIComponent(path.slice(API_PREFIX.length + 1)) },
        };
      }
      return undefined;
    },
    operations: {
      ListHostedZones(_input, call): RestXmlOutput {
        world.region(call.region);
        const zones = Object.values(world.state.hostedZones);
        return {
          root: 'ListHostedZonesResponse',
          body: { HostedZones: zones.map(zoneView), IsTruncated: false, MaxItems: '100' },
          listItems: { HostedZones: 'HostedZone' },
        };
      },
      GetHostedZone(input, call): RestXmlOutput {
        world.region(call.region);
        const id = String(input.Id ?? '').replace(/^\/?hostedzone\//, '');
        const zone = world.state.hostedZones[id];
        if (!zone)
          throw new AwsServiceError('NoSuchHostedZone', `No hosted zone found with ID: ${id}`, 404);
        return {
          root: 'GetHostedZoneResponse',
          body: {
            HostedZone: zoneView(zone),
            DelegationSet: {
              NameServers: [
                'ns-1.awsdns-01.org',
                'ns-2.awsdns-02.co.uk',
                'ns-3.awsdns-03.com',
                'ns-4.awsdns-04.net',
              ],
            },
          },
          listItems: { NameServers: 'NameServer' },
        };
      },
    },
  };
}

function zoneView(zone: HostedZone): Record<string, unknown> {
  return {
    Id: `/hostedzone/${zone.id}`,
    Name: zone.name,
    CallerReference: zone.callerReference,
    Config: { Comment: zone.comment, PrivateZone: zone.privateZone },
    // SOA and NS records exist in every zone.
    ResourceRecordSetCount: Object.keys(zone.records).length + 2,
  };
}
