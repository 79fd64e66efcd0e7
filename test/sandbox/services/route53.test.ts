import { GetHostedZoneCommand, ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../support';

let sandbox: RunningSandbox;
let route53: ReturnType<typeof clientsFor>['route53'];

beforeAll(async () => {
  sandbox = await pausedSandbox();
  route53 = clientsFor(sandbox.url).route53;
});
afterAll(() => sandbox.close());

describe('Route53 hosted zones', () => {
  it('lists the seeded zone and gets it by id', async () => {
    const { HostedZones } = await route53.send(new ListHostedZonesCommand({}));
    expect(HostedZones?.[0]).toMatchObject({
      Name: 'sandbox.example.com.',
      Config: { PrivateZone: false },
    });
    const { HostedZone, DelegationSet } = await route53.send(
      new GetHostedZoneCommand({ Id: HostedZones?.[0]?.Id }),
    );
    expect(HostedZone?.Id).toBe(HostedZones?.[0]?.Id);
    expect(DelegationSet?.NameServers).toHaveLength(4);
  });

  it('answers NoSuchHostedZone for an unknown id', async () => {
    await expect(route53.send(new GetHostedZoneCommand({ Id: 'Z000NOPE' }))).rejects.toMatchObject({
      name: 'NoSuchHostedZone',
      $metadata: { httpStatusCode: 404 },
    });
  });
});
