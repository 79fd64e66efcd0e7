import { insufficientCapabilities } from './refusals';
import type { Template } from './template/template';

/** IAM resource types and the property that gives each a custom (named) identity. */
const IAM_NAME_PROPERTIES: Readonly<Record<string, string | undefined>> = {
  'AWS::IAM::AccessKey': undefined,
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::Policy': undefined,
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::UserToGroupAddition': undefined,
};

export interface RequiredCapabilities {
  readonly capabilities: string[];
  /** AWS's CapabilitiesReason, naming the resource types that need them. */
  readonly reason?: string;
}

/**
 * The capabilities a template needs, as GetTemplateSummary reports them: CAPABILITY_IAM for
 * IAM resources, CAPABILITY_NAMED_IAM when one of them has a custom name, and
 * CAPABILITY_AUTO_EXPAND for transforms.
 */
export function requiredCapabilities(template: Template): RequiredCapabilities {
  const iamTypes: string[] = [];
  let named = false;
  for (const resource of template.resources.values()) {
    if (!(resource.type in IAM_NAME_PROPERTIES)) continue;
    if (!iamTypes.includes(resource.type)) iamTypes.push(resource.type);
    const nameProperty = IAM_NAME_PROPERTIES[resource.type];
    if (nameProperty !== undefined && resource.properties[nameProperty] !== undefined) named = true;
  }
  const capabilities: string[] = [];
  if (iamTypes.length > 0) capabilities.push(named ? 'CAPABILITY_NAMED_IAM' : 'CAPABILITY_IAM');
  if (template.transforms.length > 0) capabilities.push('CAPABILITY_AUTO_EXPAND');
  return {
    capabilities,
    reason:
      iamTypes.length > 0
        ? `The following resource(s) require capabilities: [${iamTypes.join(', ')}]`
        : undefined,
  };
}

/** Refuses an operation whose acknowledged capabilities do not cover what the template needs. */
export function checkCapabilities(template: Template, acknowledged: readonly string[]): void {
  const missing = requiredCapabilities(template).capabilities.filter(
    (capability) => !acknowledged.includes(capability),
  );
  if (missing.length > 0) throw insufficientCapabilities(missing);
}
