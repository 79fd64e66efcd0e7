import { awsClients } from '@/lib/aws/clients';
import { AppError } from '@/lib/errors';
import { apiHandler } from '@/lib/http/handler';
import { requestRegion } from '@/lib/http/region';
import type { NetworkView } from '@/lib/stacks/launch-view';
import { networkView } from '@/lib/stacks/network';

const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;

/** VPCs, the chosen VPC's subnets and security groups, key pairs and AZs for the pickers. */
export const GET = apiHandler({ role: 'viewer' }, async ({ request }): Promise<NetworkView> => {
  const vpcId = new URL(request.url).searchParams.get('vpcId') ?? undefined;
  if (vpcId !== undefined && vpcId !== '' && !VPC_ID.test(vpcId)) {
    throw new AppError('bad_request:vpc', 'vpcId must look like vpc-0123456789abcdef0.');
  }
  return networkView(awsClients(requestRegion(request)), vpcId || undefined);
});
