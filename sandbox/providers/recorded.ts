import type { ResourceProvider, ResourceRequest } from '../core/provider';
import type { World } from '../world/world';
import { generatedName, text } from './properties';

type Naming = (
  world: World,
  request: ResourceRequest,
) => { physicalId: string; attributes: Record<string, unknown> };

/**
 * A provider for resources the sandbox keeps only on record (IAM, EFS, logs, secrets): realistic
 * physical ids and `Fn::GetAtt` attributes, no behaviour.
 */
function recordedProvider(world: World, naming: Naming): ResourceProvider {
  return {
    create(request) {
      const made = naming(world, request);
      world.region(request.region).recorded[made.physicalId] = {
        type: request.resourceType,
        physicalId: made.physicalId,
        attributes: made.attributes,
        properties: { ...request.properties },
        stackName: request.stackName,
      };
      return made;
    },
    update(request) {
      const existing = world.region(request.region).recorded[request.physicalId];
      if (existing) existing.properties = { ...request.properties };
      return { physicalId: request.physicalId, attributes: existing?.attributes ?? {} };
    },
    delete(request) {
      delete world.region(request.region).recorded[request.physicalId];
    },
  };
}

function alphanumeric(world: World, length: number): string {
  return Array.from(
    { length },
    () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[world.random.int(0, 35)],
  ).join('');
}

/** Providers for the template's record-only resource types. */
export function recordedProviders(world: World): Record<string, ResourceProvider> {
  const iamPath = (request: ResourceRequest): string => text(request.properties.Path, '/');
  return {
    'AWS::Logs::LogGroup': recordedProvider(world, (w, request) => {
      const name = text(request.properties.LogGroupName) || generatedName(w, request, 512);
      return {
        physicalId: name,
        attributes: { Arn: w.arn('logs', request.region, `log-group:${name}:*`) },
      };
    }),
    'AWS::EFS::FileSystem': recordedProvider(world, (w, request) => {
      const id = `fs-0${w.random.hex(16)}`;
      return {
        physicalId: id,
        attributes: {
          FileSystemId: id,
          Arn: w.arn('elasticfilesystem', request.region, `file-system/${id}`),
        },
      };
    }),
    'AWS::EFS::MountTarget': recordedProvider(world, (w, request) => {
      const id = `fsmt-0${w.random.hex(16)}`;
      const subnet = w.region(request.region).subnets[text(request.properties.SubnetId)];
      return {
        physicalId: id,
        attributes: { Id: id, IpAddress: subnet ? w.privateIp(subnet) : '10.0.0.10' },
      };
    }),
    'AWS::EFS::AccessPoint': recordedProvider(world, (w, request) => {
      const id = `fsap-0${w.random.hex(16)}`;
      return {
        physicalId: id,
        attributes: {
          AccessPointId: id,
          Arn: w.arn('elasticfilesystem', request.region, `access-point/${id}`),
        },
      };
    }),
    'AWS::IAM::Role': recordedProvider(world, (w, request) => {
      const name = text(request.properties.RoleName) || generatedName(w, request, 64);
      return {
        physicalId: name,
        attributes: {
          Arn: w.arn('iam', '', `role${iamPath(request)}${name}`),
          RoleId: `AROA${alphanumeric(w, 17)}`,
        },
      };
    }),
    'AWS::IAM::Policy': recordedProvider(world, (w, request) => {
      const id = generatedName(w, { ...request, logicalId: request.logicalId.slice(0, 5) }, 64);
      return { physicalId: id, attributes: { Id: id } };
    }),
    'AWS::IAM::InstanceProfile': recordedProvider(world, (w, request) => {
      const name = text(request.properties.InstanceProfileName) || generatedName(w, request, 128);
      return {
        physicalId: name,
        attributes: { Arn: w.arn('iam', '', `instance-profile${iamPath(request)}${name}`) },
      };
    }),
    'AWS::SecretsManager::Secret': recordedProvider(world, (w, request) => {
      const name = text(request.properties.Name) || generatedName(w, request, 256);
      const arn = w.arn('secretsmanager', request.region, `secret:${name}-${alphanumeric(w, 6)}`);
      return { physicalId: arn, attributes: { Id: arn } };
    }),
  };
}
