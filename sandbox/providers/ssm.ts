import type { ResourceProvider } from '../core/provider';
import { putParameter } from '../services/ssm';
import type { Parameter } from '../world/state';
import type { World } from '../world/world';
import { generatedName, text } from './properties';

/** AWS::SSM::Parameter: Ref → the parameter's name; an update writes a new version. */
export function ssmProviders(world: World): Record<string, ResourceProvider> {
  const write = (region: string, name: string, properties: Record<string, unknown>): Parameter =>
    putParameter(world.region(region), world.now(), {
      name,
      value: text(properties.Value),
      type: text(properties.Type, 'String') as Parameter['type'],
      dataType: properties.DataType === undefined ? undefined : text(properties.DataType),
      description: properties.Description === undefined ? undefined : text(properties.Description),
      allowedPattern:
        properties.AllowedPattern === undefined ? undefined : text(properties.AllowedPattern),
    });

  return {
    'AWS::SSM::Parameter': {
      create(request) {
        const name =
          text(request.properties.Name) ||
          generatedName(world, { ...request, stackName: 'CFN' }, 128);
        if (world.region(request.region).parameters[name]) {
          throw new Error(
            `Resource of type 'AWS::SSM::Parameter' with identifier '${name}' already exists.`,
          );
        }
        const parameter = write(request.region, name, request.properties);
        return { physicalId: name, attributes: { Type: parameter.type, Value: parameter.value } };
      },
      update(request) {
        const parameter = write(request.region, request.physicalId, request.properties);
        return {
          physicalId: request.physicalId,
          attributes: { Type: parameter.type, Value: parameter.value },
        };
      },
      delete(request) {
        delete world.region(request.region).parameters[request.physicalId];
      },
    },
  };
}
