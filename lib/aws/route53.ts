import 'server-only';
import { paginateListHostedZones, type HostedZone } from '@aws-sdk/client-route-53';
import type { AwsClients } from './clients';

/** ListHostedZones over every page. */
export async function listHostedZones(clients: AwsClients): Promise<HostedZone[]> {
  const zones: HostedZone[] = [];
  for await (const page of paginateListHostedZones({ client: clients.route53 }, {})) {
    zones.push(...(page.HostedZones ?? []));
  }
  return zones;
}
