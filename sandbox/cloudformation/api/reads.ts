import type { CallContext, OperationHandler } from '../../core/types';
import { requiredCapabilities } from '../capabilities';
import { findStack, type StackRecord } from '../model';
import { changeSetNotFound, stackNotFound, validationError } from '../refusals';
import { dependencyGraph } from '../template/dependencies';
import { parseTemplate, type Template } from '../template/template';
import { regionOf, templateBodyOf, text, type Api } from './context';
import {
  eventShape,
  MASK,
  page,
  resourceShape,
  resourceSummaryShape,
  stackShape,
  stackSummaryShape,
} from './shapes';

/** AWS answers these lists 100 items at a time. */
const PAGE_SIZE = 100;

/** The read-only CloudFormation operations. */
export function readOperations(api: Api): Record<string, OperationHandler> {
  return {
    DescribeStacks: (input, call) => {
      const name = text(input, 'StackName');
      if (name !== undefined) return { Stacks: [stackShape(anyStack(api, call, name))] };
      const live = regionOf(api, call).stacks.filter((stack) => stack.status !== 'DELETE_COMPLETE');
      const { items, nextToken } = page(newestFirst(live), text(input, 'NextToken'), PAGE_SIZE);
      return { Stacks: items.map(stackShape), NextToken: nextToken };
    },
    ListStacks: (input, call) => {
      const filter = Array.isArray(input.StackStatusFilter)
        ? input.StackStatusFilter.map(String)
        : [];
      const stacks = regionOf(api, call).stacks.filter(
        (stack) => filter.length === 0 || filter.includes(stack.status),
      );
      const { items, nextToken } = page(newestFirst(stacks), text(input, 'NextToken'), PAGE_SIZE);
      return { StackSummaries: items.map(stackSummaryShape), NextToken: nextToken };
    },
    DescribeStackEvents: (input, call) => {
      const stack = anyStack(api, call, text(input, 'StackName') ?? '');
      const events = [...stack.events].sort((a, b) => b.sequence - a.sequence);
      const { items, nextToken } = page(events, text(input, 'NextToken'), PAGE_SIZE);
      return { StackEvents: items.map((event) => eventShape(stack, event)), NextToken: nextToken };
    },
    DescribeStackResources: (input, call) => describeStackResources(api, input, call),
    DescribeStackResource: (input, call) => {
      const stack = anyStack(api, call, text(input, 'StackName') ?? '');
      const logicalId = text(input, 'LogicalResourceId') ?? '';
      const record = stack.resources.find((resource) => resource.logicalId === logicalId);
      if (!record) {
        throw validationError(`Resource ${logicalId} does not exist for stack ${stack.stackName}`);
      }
      return {
        StackResourceDetail: {
          ...resourceShape(stack, record),
          LastUpdatedTimestamp: resourceShape(stack, record).Timestamp,
        },
      };
    },
    ListStackResources: (input, call) => {
      const stack = anyStack(api, call, text(input, 'StackName') ?? '');
      const { items, nextToken } = page(stack.resources, text(input, 'NextToken'), PAGE_SIZE);
      return { StackResourceSummaries: items.map(resourceSummaryShape), NextToken: nextToken };
    },
    GetTemplate: (input, call) => {
      const stack = anyStack(api, call, text(input, 'StackName') ?? '');
      const changeSetName = text(input, 'ChangeSetName');
      let body = stack.deployment.templateBody;
      if (changeSetName !== undefined) {
        const changeSet = stack.changeSets.find(
          (candidate) => candidate.name === changeSetName || candidate.id === changeSetName,
        );
        if (!changeSet) throw changeSetNotFound(changeSetName);
        body = changeSet.deployment.templateBody;
      }
      return { TemplateBody: body, StagesAvailable: ['Original', 'Processed'] };
    },
    GetTemplateSummary: (input, call) => {
      const stackName = text(input, 'StackName');
      const body =
        stackName !== undefined
          ? anyStack(api, call, stackName).deployment.templateBody
          : templateBodyOf(input);
      return templateSummary(readChecked(body));
    },
    ValidateTemplate: (input) => {
      const template = readChecked(templateBodyOf(input));
      const { capabilities, reason } = requiredCapabilities(template);
      return {
        Parameters: template.parameters.map((parameter) => ({
          ParameterKey: parameter.key,
          DefaultValue: maskedDefault(parameter.noEcho, parameter.defaultValue),
          NoEcho: parameter.noEcho,
          Description: parameter.description,
        })),
        Description: template.description,
        Capabilities: capabilities,
        CapabilitiesReason: reason,
        DeclaredTransforms: [...template.transforms],
      };
    },
  };
}

function anyStack(api: Api, call: CallContext, nameOrId: string): StackRecord {
  const stack = findStack(regionOf(api, call), nameOrId);
  if (!stack) throw stackNotFound(nameOrId);
  return stack;
}

function newestFirst(stacks: readonly StackRecord[]): StackRecord[] {
  return [...stacks].sort((a, b) => b.createdAt - a.createdAt);
}

function readChecked(body: string): Template {
  const template = parseTemplate(body);
  dependencyGraph(template);
  return template;
}

function maskedDefault(noEcho: boolean, value: string | undefined): string | undefined {
  return noEcho && value !== undefined ? MASK : value;
}

function templateSummary(template: Template) {
  const { capabilities, reason } = requiredCapabilities(template);
  return {
    Parameters: template.parameters.map((parameter) => ({
      ParameterKey: parameter.key,
      DefaultValue: maskedDefault(parameter.noEcho, parameter.defaultValue),
      ParameterType: parameter.type,
      NoEcho: parameter.noEcho,
      Description: parameter.description,
      ParameterConstraints:
        parameter.allowedValues === undefined ? {} : { AllowedValues: parameter.allowedValues },
    })),
    Description: template.description,
    Capabilities: capabilities,
    CapabilitiesReason: reason,
    ResourceTypes: [...new Set([...template.resources.values()].map((resource) => resource.type))],
    Version: '2010-09-09',
    Metadata: template.metadata === undefined ? undefined : JSON.stringify(template.metadata),
    DeclaredTransforms: [...template.transforms],
  };
}

function describeStackResources(api: Api, input: Record<string, unknown>, call: CallContext) {
  const physicalId = text(input, 'PhysicalResourceId');
  const stackName = text(input, 'StackName');
  if (stackName === undefined && physicalId === undefined) {
    throw validationError('Either StackName or PhysicalResourceId must be specified.');
  }
  if (stackName !== undefined && physicalId !== undefined) {
    throw validationError('Only one of StackName or PhysicalResourceId may be specified.');
  }
  const stack =
    stackName !== undefined
      ? anyStack(api, call, stackName)
      : regionOf(api, call).stacks.find((candidate) =>
          candidate.resources.some((resource) => resource.physicalId === physicalId),
        );
  if (!stack) throw validationError(`Stack for ${physicalId ?? ''} does not exist`);
  // A physical id only finds the stack: AWS then answers that stack's resources.
  const logicalId = text(input, 'LogicalResourceId');
  const resources = stack.resources.filter(
    (resource) => logicalId === undefined || resource.logicalId === logicalId,
  );
  // AWS answers only the first 100 and points larger stacks to ListStackResources.
  return {
    StackResources: resources.slice(0, PAGE_SIZE).map((resource) => resourceShape(stack, resource)),
  };
}
