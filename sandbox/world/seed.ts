import type { RegionState } from './state';
import type { World } from './world';

/** The public SSM parameter the template's AgentAmiId defaults to. */
export const AGENT_AMI_PARAMETER =
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/** The key pair every seeded region has, for the EC2 agents. */
export const SEEDED_KEY_PAIR = 'jenkins-agents';

/** The hosted zone the seeded account has (Route53 is global). */
export const SEEDED_ZONE_NAME = 'sandbox.example.com.';

const ZONE_LETTERS = ['a', 'b', 'c'] as const;

/**
 * A fresh region as a newcomer's account would have it: one VPC (10.0.0.0/16) with a public and
 * a private subnet in each of three Availability Zones, its default security group, the
 * `jenkins-agents` key pair and the Amazon Linux 2023 AMI with its public SSM parameter.
 */
export function seedRegion(world: World, region: string): RegionState {
  const now = world.now();
  const state: RegionState = {
    seededAt: now,
    vpcs: {},
    subnets: {},
    securityGroups: {},
    keyPairs: {},
    images: {},
    instances: {},
    clusters: {},
    taskDefinitions: {},
    services: {},
    tasks: {},
    loadBalancers: {},
    targetGroups: {},
    listeners: {},
    parameters: {},
    recorded: {},
    controllers: {},
  };

  const vpcId = world.ec2Id('vpc');
  state.vpcs[vpcId] = {
    vpcId,
    cidrBlock: '10.0.0.0/16',
    isDefault: false,
    tags: [{ Key: 'Name', Value: 'sandbox-vpc' }],
  };

  ZONE_LETTERS.forEach((letter, index) => {
    const zone = `${region}${letter}`;
    const zoneId = `${regionShortName(region)}-az${index + 1}`;
    for (const [kind, thirdOctet] of [
      ['public', index * 16],
      ['private', 128 + index * 16],
    ] as const) {
      const subnetId = world.ec2Id('subnet');
      state.subnets[subnetId] = {
        subnetId,
        vpcId,
        cidrBlock: `10.0.${thirdOctet}.0/20`,
        availabilityZone: zone,
        availabilityZoneId: zoneId,
        mapPublicIpOnLaunch: kind === 'public',
        tags: [{ Key: 'Name', Value: `sandbox-${kind}-${letter}` }],
      };
    }
  });

  const groupId = world.ec2Id('sg');
  state.securityGroups[groupId] = {
    groupId,
    groupName: 'default',
    description: 'default VPC security group',
    vpcId,
    ingress: [{ IpProtocol: '-1', SourceSecurityGroupId: groupId }],
    egress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }],
    tags: [],
  };

  const keyPairId = world.ec2Id('key');
  state.keyPairs[SEEDED_KEY_PAIR] = {
    keyPairId,
    keyName: SEEDED_KEY_PAIR,
    keyFingerprint: Array.from({ length: 20 }, () => world.random.hex(2)).join(':'),
    keyType: 'rsa',
    createdAt: now,
    tags: [],
  };

  const imageId = world.ec2Id('ami');
  state.images[imageId] = {
    imageId,
    name: 'al2023-ami-2023.6.20250115.0-kernel-6.1-x86_64',
    description: 'Amazon Linux 2023 AMI 2023.6.20250115.0 x86_64 HVM kernel-6.1',
    architecture: 'x86_64',
    ownerId: '137112412989',
    creationDate: now,
  };
  state.parameters[AGENT_AMI_PARAMETER] = {
    name: AGENT_AMI_PARAMETER,
    type: 'String',
    value: imageId,
    version: 1,
    lastModifiedDate: now,
    dataType: 'text',
    tier: 'Standard',
    public: true,
    tags: [],
  };

  if (Object.keys(world.state.hostedZones).length === 0) {
    const zoneId = `Z0${world.random.hex(19).toUpperCase()}`;
    world.state.hostedZones[zoneId] = {
      id: zoneId,
      name: SEEDED_ZONE_NAME,
      callerReference: 'sandbox-seed',
      privateZone: false,
      comment: 'Seeded by the sandbox',
      records: {},
    };
  }

  seedDefaultVpc(world, state, region);
  return state;
}

/**
 * The account's default VPC, as every AWS account has one: a second VPC, so that pickers that
 * must filter subnets by VPC have something to filter out. Seeded last, so the ids of the
 * sandbox VPC and its subnets stay what they were.
 */
function seedDefaultVpc(world: World, state: RegionState, region: string): void {
  const vpcId = world.ec2Id('vpc');
  state.vpcs[vpcId] = { vpcId, cidrBlock: '172.31.0.0/16', isDefault: true, tags: [] };
  ZONE_LETTERS.forEach((letter, index) => {
    const subnetId = world.ec2Id('subnet');
    state.subnets[subnetId] = {
      subnetId,
      vpcId,
      cidrBlock: `172.31.${index * 16}.0/20`,
      availabilityZone: `${region}${letter}`,
      availabilityZoneId: `${regionShortName(region)}-az${index + 1}`,
      mapPublicIpOnLaunch: true,
      tags: [],
    };
  });
}

/** `eu-west-1` → `euw1`, as in AWS's zone ids (`euw1-az1`). */
function regionShortName(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-');
  const directionLetters = direction.replace('north', 'n').replace('south', 's');
  const short = directionLetters.replace('east', 'e').replace('west', 'w').replace('central', 'c');
  return `${area}${short}${number}`;
}
