import { AwsServiceError } from '../../core/errors';
import {
  decodePageToken,
  encodePageToken,
  optionalInt,
  optionalString,
  stringList,
} from '../../core/input';
import type { OperationHandler } from '../../core/types';
import { terminateInstance } from '../../simulation/ec2-instances';
import type { Instance, InstanceState, RegionState } from '../../world/state';
import type { World } from '../../world/world';
import { matchesFilters, readFilters, tagSet } from './filters';
import { selectByIds } from './network';

const STATE_CODES: Record<InstanceState, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** DescribeInstances, TerminateInstances, DescribeImages. */
export function instanceOperations(world: World): Record<string, OperationHandler> {
  return {
    DescribeInstances(input, call) {
      const region = world.region(call.region);
      const ids = stringList(input.InstanceId);
      const maxResults = optionalInt(input.MaxResults, 'maxResults');
      const token = optionalString(input.NextToken);
      const filters = readFilters(input);

      if (maxResults !== undefined && ids.length > 0) {
        throw new AwsServiceError(
          'InvalidParameterCombination',
          'The parameter instancesSet cannot be used with the parameter maxResults',
        );
      }
      if (maxResults !== undefined && (maxResults < 5 || maxResults > 1000)) {
        throw new AwsServiceError(
          'InvalidParameterValue',
          `Value ( ${maxResults} ) for parameter maxResults is invalid. ` +
            (maxResults < 5
              ? 'Expecting a value greater than 5.'
              : 'Expecting a value less than 1000.'),
        );
      }

      const all = Object.values(region.instances);
      for (const id of ids) {
        if (!/^i-[0-9a-f]{8,17}$/.test(id)) {
          throw new AwsServiceError('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
        }
      }
      const named = selectByIds(
        all,
        ids,
        (instance) => instance.instanceId,
        'InvalidInstanceID.NotFound',
        (id) => `The instance ID '${id}' does not exist`,
      );

      // EC2 pages over its own listing first and filters each page afterwards, which is why a
      // filtered call can answer a short or even empty page together with a NextToken.
      const offset = token === undefined ? 0 : pageOffset(token);
      const window =
        maxResults === undefined ? named.slice(offset) : named.slice(offset, offset + maxResults);
      const nextOffset = offset + window.length;
      const matching = window.filter((instance) =>
        matchesFilters(filters, instance.tags, (name) => instanceFilter(instance, name)),
      );

      return {
        reservationSet: matching.map((instance) => ({
          reservationId: `r-${instance.instanceId.slice(2)}`,
          ownerId: call.accountId,
          groupSet: [],
          instancesSet: [instanceView(instance, region)],
        })),
        nextToken:
          maxResults !== undefined && nextOffset < named.length
            ? encodePageToken(nextOffset, 'instances')
            : undefined,
      };
    },

    TerminateInstances(input, call) {
      const region = world.region(call.region);
      const ids = stringList(input.InstanceId);
      if (ids.length === 0) {
        throw new AwsServiceError(
          'MissingParameter',
          'The request must contain the parameter InstanceId',
        );
      }
      const instances = selectByIds(
        Object.values(region.instances),
        ids,
        (instance) => instance.instanceId,
        'InvalidInstanceID.NotFound',
        (id) => `The instance ID '${id}' does not exist`,
      );
      return {
        instancesSet: instances.map((instance) => {
          const previous = instance.state;
          terminateInstance(instance, world.now(), 'User initiated');
          return {
            instanceId: instance.instanceId,
            currentState: { code: STATE_CODES[instance.state], name: instance.state },
            previousState: { code: STATE_CODES[previous], name: previous },
          };
        }),
      };
    },

    DescribeImages(input, call) {
      const region = world.region(call.region);
      const filters = readFilters(input);
      const images = selectByIds(
        Object.values(region.images),
        stringList(input.ImageId),
        (image) => image.imageId,
        'InvalidAMIID.NotFound',
        (id) => `The image id '[${id}]' does not exist`,
      );
      return {
        imagesSet: images
          .filter((image) =>
            matchesFilters(
              filters,
              [],
              (name) =>
                ({
                  'image-id': [image.imageId],
                  name: [image.name],
                  architecture: [image.architecture],
                  'owner-id': [image.ownerId],
                  state: ['available'],
                })[name],
            ),
          )
          .map((image) => ({
            imageId: image.imageId,
            imageLocation: `amazon/${image.name}`,
            imageState: 'available',
            imageOwnerId: image.ownerId,
            imageOwnerAlias: 'amazon',
            creationDate: new Date(image.creationDate),
            isPublic: true,
            architecture: image.architecture,
            imageType: 'machine',
            name: image.name,
            description: image.description,
            rootDeviceType: 'ebs',
            rootDeviceName: '/dev/xvda',
            virtualizationType: 'hvm',
            hypervisor: 'xen',
            platformDetails: 'Linux/UNIX',
            enaSupport: true,
          })),
      };
    },
  };
}

function pageOffset(token: string): number {
  const offset = decodePageToken(token, 'instances');
  if (offset === undefined) {
    throw new AwsServiceError(
      'InvalidParameterValue',
      `The value supplied for NextToken is invalid`,
    );
  }
  return offset;
}

function instanceFilter(instance: Instance, name: string): (string | undefined)[] | undefined {
  switch (name) {
    case 'instance-id':
      return [instance.instanceId];
    case 'instance-state-name':
      return [instance.state];
    case 'instance-state-code':
      return [String(STATE_CODES[instance.state])];
    case 'instance-type':
      return [instance.instanceType];
    case 'image-id':
      return [instance.imageId];
    case 'vpc-id':
      return [instance.vpcId];
    case 'subnet-id':
      return [instance.subnetId];
    case 'availability-zone':
      return [instance.availabilityZone];
    case 'private-ip-address':
      return [instance.privateIpAddress];
    case 'key-name':
      return [instance.keyName];
    case 'instance.group-id':
      return instance.securityGroupIds;
    default:
      return undefined;
  }
}

function instanceView(instance: Instance, region: RegionState): Record<string, unknown> {
  const live = instance.state !== 'terminated';
  return {
    instanceId: instance.instanceId,
    imageId: instance.imageId,
    instanceState: { code: STATE_CODES[instance.state], name: instance.state },
    privateDnsName: live ? `ip-${instance.privateIpAddress.replaceAll('.', '-')}.ec2.internal` : '',
    dnsName: '',
    reason: instance.stateTransitionReason,
    keyName: instance.keyName,
    amiLaunchIndex: 0,
    productCodes: [],
    instanceType: instance.instanceType,
    launchTime: new Date(instance.launchTime),
    placement: { availabilityZone: instance.availabilityZone, groupName: '', tenancy: 'default' },
    monitoring: { state: 'disabled' },
    subnetId: live ? instance.subnetId : undefined,
    vpcId: live ? instance.vpcId : undefined,
    privateIpAddress: live ? instance.privateIpAddress : undefined,
    groupSet: live
      ? instance.securityGroupIds.map((groupId) => ({
          groupId,
          groupName: region.securityGroups[groupId]?.groupName ?? groupId,
        }))
      : [],
    stateReason:
      instance.state === 'terminated' || instance.state === 'shutting-down'
        ? {
            code: 'Client.UserInitiatedShutdown',
            message: 'Client.UserInitiatedShutdown: User initiated shutdown',
          }
        : undefined,
    architecture: 'x86_64',
    rootDeviceType: 'ebs',
    rootDeviceName: '/dev/xvda',
    virtualizationType: 'hvm',
    hypervisor: 'xen',
    iamInstanceProfile: instance.iamInstanceProfileArn
      ? {
          arn: instance.iamInstanceProfileArn,
          id: `AIPA${instance.instanceId.slice(2, 18).toUpperCase()}`,
        }
      : undefined,
    tagSet: tagSet(instance.tags),
  };
}
