'use client';

import useSWR from 'swr';
import { fetchJson } from '@/lib/client/fetcher';
import type { AppError } from '@/lib/errors';
import type { NetworkView } from '@/lib/stacks/launch-view';
import { networkKey } from './launch-requests';

// The server refuses anything else as vpcId; half-typed ids are not worth a request.
const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;

/**
 * What the pickers offer: the region's VPCs, key pairs and zones, and once a VPC is chosen its
 * subnets and security groups. Two requests, so the VPC list stays put while a new VPC's
 * subnets load. Lists change rarely, so they are not refetched on focus.
 */
export function useAccountNetwork(region: string, vpcId: string) {
  const options = { revalidateOnFocus: false, shouldRetryOnError: false } as const;
  const regionWide = useSWR<NetworkView, AppError>(networkKey(region), fetchJson, options);
  const ofVpc = useSWR<NetworkView, AppError>(
    VPC_ID.test(vpcId) ? networkKey(region, vpcId) : null,
    fetchJson,
    options,
  );
  return {
    regionView: regionWide.data,
    vpcView: ofVpc.data,
    vpcChosen: VPC_ID.test(vpcId),
    loadError: (regionWide.error ?? ofVpc.error)?.message,
  };
}
