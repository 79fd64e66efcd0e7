import type { ResourceProvider } from '../core/provider';
import type { SecurityGroupRule } from '../world/state';
import type { World } from '../world/world';
import { generatedName, numberOr, records, text } from './properties';

/** AWS::EC2::SecurityGroup (Ref → group id) and AWS::EC2::SecurityGroupIngress (Ref → rule id). */
export function ec2Providers(world: World): Record<string, ResourceProvider> {
  const securityGroup: ResourceProvider = {
    create(request) {
      const region = world.region(request.region);
      const vpcId = text(request.properties.VpcId);
      if (!region.vpcs[vpcId])
        throw new Error(`The vpc ID '${vpcId}' does not exist (Service: Ec2, Status Code: 400)`);
      const groupId = world.ec2Id('sg');
      region.securityGroups[groupId] = {
        groupId,
        groupName: text(request.properties.GroupName) || generatedName(world, request),
        description: text(request.properties.GroupDescription),
        vpcId,
        ingress: rules(request.properties.SecurityGroupIngress),
        egress: egressRules(request.properties.SecurityGroupEgress),
        tags: [
          ...tagsOf(request.properties.Tags),
          ...stackTags(request.stackName, request.stackId, request.logicalId),
        ],
      };
      return { physicalId: groupId, attributes: { GroupId: groupId, VpcId: vpcId } };
    },
    update(request) {
      const group = world.region(request.region).securityGroups[request.physicalId];
      if (group) {
        const added = group.ingress.filter((rule) => rule.Description?.startsWith('sgr-'));
        group.ingress = [...rules(request.properties.SecurityGroupIngress), ...added];
        group.egress = egressRules(request.properties.SecurityGroupEgress);
      }
      return {
        physicalId: request.physicalId,
        attributes: { GroupId: request.physicalId, VpcId: group?.vpcId },
      };
    },
    // A group that an instance's network interface still uses cannot go, as in EC2: the EC2
    // plugin's agents are not stack resources, so a stack deleted while they run fails here.
    delete(request) {
      const region = world.region(request.region);
      const inUse = Object.values(region.instances).some(
        (instance) =>
          instance.state !== 'terminated' && instance.securityGroupIds.includes(request.physicalId),
      );
      if (inUse) {
        throw new Error(
          `resource ${request.physicalId} has a dependent object (Service: Ec2, Status Code: 400)`,
        );
      }
      delete region.securityGroups[request.physicalId];
    },
  };

  const ingress: ResourceProvider = {
    create(request) {
      const group = world.region(request.region).securityGroups[text(request.properties.GroupId)];
      if (!group) {
        throw new Error(
          `The security group '${text(request.properties.GroupId)}' does not exist (Service: Ec2, Status Code: 400)`,
        );
      }
      const ruleId = world.ec2Id('sgr');
      group.ingress.push({
        ...rule(request.properties),
        Description: `${ruleId} ${text(request.properties.Description)}`.trim(),
      });
      return { physicalId: ruleId, attributes: { Id: ruleId } };
    },
    update(request) {
      const region = world.region(request.region);
      for (const group of Object.values(region.securityGroups)) {
        const index = group.ingress.findIndex((candidate) =>
          candidate.Description?.startsWith(request.physicalId),
        );
        if (index >= 0) {
          group.ingress[index] = {
            ...rule(request.properties),
            Description: `${request.physicalId} ${text(request.properties.Description)}`.trim(),
          };
        }
      }
      return { physicalId: request.physicalId, attributes: { Id: request.physicalId } };
    },
    delete(request) {
      for (const group of Object.values(world.region(request.region).securityGroups)) {
        group.ingress = group.ingress.filter(
          (candidate) => !candidate.Description?.startsWith(request.physicalId),
        );
      }
    },
  };

  return { 'AWS::EC2::SecurityGroup': securityGroup, 'AWS::EC2::SecurityGroupIngress': ingress };
}

function rule(properties: Record<string, unknown>): SecurityGroupRule {
  return {
    IpProtocol: text(properties.IpProtocol, '-1'),
    FromPort: properties.FromPort === undefined ? undefined : numberOr(properties.FromPort, 0),
    ToPort: properties.ToPort === undefined ? undefined : numberOr(properties.ToPort, 0),
    CidrIp: properties.CidrIp === undefined ? undefined : text(properties.CidrIp),
    SourceSecurityGroupId:
      properties.SourceSecurityGroupId === undefined
        ? undefined
        : text(properties.SourceSecurityGroupId),
    Description: properties.Description === undefined ? undefined : text(properties.Description),
  };
}

function rules(value: unknown): SecurityGroupRule[] {
  return records(value).map(rule);
}

/** Without explicit egress rules a new group allows all outbound traffic, as in EC2. */
function egressRules(value: unknown): SecurityGroupRule[] {
  const explicit = records(value).map((entry) => ({
    ...rule(entry),
    CidrIp: text(entry.CidrIp) || undefined,
  }));
  return explicit.length > 0 ? explicit : [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }];
}

export function tagsOf(value: unknown): { Key: string; Value: string }[] {
  return records(value).map((tag) => ({ Key: text(tag.Key), Value: text(tag.Value) }));
}

/** The tags CloudFormation adds to every taggable resource it creates. */
export function stackTags(
  stackName: string,
  stackId: string,
  logicalId: string,
): { Key: string; Value: string }[] {
  return [
    { Key: 'aws:cloudformation:stack-name', Value: stackName },
    { Key: 'aws:cloudformation:stack-id', Value: stackId },
    { Key: 'aws:cloudformation:logical-id', Value: logicalId },
  ];
}
