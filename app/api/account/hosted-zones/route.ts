import { awsClients } from '@/lib/aws/clients';
import { listHostedZones } from '@/lib/aws/route53';
import { apiHandler } from '@/lib/http/handler';
import { requestRegion } from '@/lib/http/region';

/** The account's hosted zones for the DNS picker (id without the /hostedzone/ prefix). */
export const GET = apiHandler({ role: 'viewer' }, async ({ request }) => {
  const zones = await listHostedZones(awsClients(requestRegion(request)));
  return {
    hostedZones: zones.map((zone) => ({
      id: (zone.Id ?? '').replace(/^\/hostedzone\//, ''),
      name: zone.Name ?? '',
      privateZone: zone.Config?.PrivateZone ?? false,
    })),
  };
});
