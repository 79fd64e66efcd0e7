import type { Deployment, OutputRecord } from './model';
import { TemplateEvaluationError } from './refusals';
import { attributesOf } from './specification';
import { evaluate, NO_VALUE, Unknown, type EvaluationScope } from './template/intrinsics';
import { referenceValue } from './template/parameters';
import { parseTemplate, type ResourceDeclaration, type Template } from './template/template';

/** Who the stack is, for pseudo parameters. */
export interface StackIdentity {
  readonly stackName: string;
  readonly stackId: string;
  readonly region: string;
  readonly accountId: string;
  readonly notificationArns: readonly string[];
}

/** Lookups outside the stack: other stacks' exports and the region's availability zones. */
export interface RegionLookups {
  exportedValue(name: string): string | undefined;
  availabilityZones(region: string): string[];
}

/** A resource as `Ref`/`Fn::GetAtt` see it; `unknown` while a change set cannot know it yet. */
export type ResourceView =
  | { readonly physicalId: string; readonly attributes: Readonly<Record<string, unknown>> }
  | 'unknown'
  | undefined;

/**
 * A template evaluated against one set of parameter values and the stack's resources as they
 * stand: conditions, resolved resource properties and outputs. Cheap to build; build a new
 * one whenever the resources it looks at have changed.
 */
export class DeploymentView {
  readonly template: Template;
  private readonly conditionValues = new Map<string, boolean>();
  private readonly parameterValues: Map<string, string | string[]>;
  private readonly scope: EvaluationScope;

  constructor(
    readonly deployment: Deployment,
    private readonly identity: StackIdentity,
    private readonly lookups: RegionLookups,
    private readonly resource: (logicalId: string) => ResourceView,
  ) {
    this.template = parseTemplate(deployment.templateBody);
    this.parameterValues = new Map(
      deployment.parameters.map((record) => [record.key, referenceValue(this.template, record)]),
    );
    this.scope = {
      ref: (name) => this.ref(name),
      getAtt: (logicalId, attribute) => this.getAtt(logicalId, attribute),
      condition: (name) => this.condition(name),
      mappings: this.template.mappings,
      importValue: (name) => {
        const value = this.lookups.exportedValue(name);
        if (value === undefined) throw new TemplateEvaluationError(`No export named ${name} found`);
        return value;
      },
      availabilityZones: (region) => this.lookups.availabilityZones(region),
      region: identity.region,
    };
  }

  condition(name: string): boolean {
    const known = this.conditionValues.get(name);
    if (known !== undefined) return known;
    if (!(name in this.template.conditions)) {
      throw new TemplateEvaluationError(
        `Template format error: Unresolved dependencies [${name}]. Cannot reference resources in the Conditions block of the template`,
      );
    }
    const value = evaluate(this.template.conditions[name], this.scope);
    const result = value === true || value === 'true';
    this.conditionValues.set(name, result);
    return result;
  }

  isActive(logicalId: string): boolean {
    const declaration = this.template.resources.get(logicalId);
    if (!declaration) return false;
    return declaration.condition === undefined || this.condition(declaration.condition);
  }

  activeResources(): ResourceDeclaration[] {
    return [...this.template.resources.values()].filter((resource) =>
      this.isActive(resource.logicalId),
    );
  }

  /** The resource's properties with every intrinsic function applied. */
  properties(logicalId: string): Record<string, unknown> {
    const declaration = this.template.resources.get(logicalId);
    return declaration
      ? (evaluate(declaration.properties, this.scope) as Record<string, unknown>)
      : {};
  }

  metadata(logicalId: string): unknown {
    const metadata = this.template.resources.get(logicalId)?.metadata;
    return metadata === undefined ? undefined : evaluate(metadata, this.scope);
  }

  /** Outputs whose condition holds, values flattened to strings as DescribeStacks shows them. */
  outputs(): OutputRecord[] {
    return this.template.outputs
      .filter((output) => output.condition === undefined || this.condition(output.condition))
      .map((output) => {
        const value = evaluate(output.value, this.scope);
        const exportName =
          output.exportName === undefined ? undefined : evaluate(output.exportName, this.scope);
        return {
          key: output.key,
          value: outputText(value),
          description: output.description,
          exportName: exportName === undefined ? undefined : outputText(exportName),
        };
      });
  }

  /** Evaluates any fragment in this deployment's scope (used for change detection). */
  evaluate(node: unknown): unknown {
    return evaluate(node, this.scope);
  }

  private ref(name: string): unknown {
    switch (name) {
      case 'AWS::StackName':
        return this.identity.stackName;
      case 'AWS::StackId':
        return this.identity.stackId;
      case 'AWS::Region':
        return this.identity.region;
      case 'AWS::AccountId':
        return this.identity.accountId;
      case 'AWS::Partition':
        return partitionOf(this.identity.region);
      case 'AWS::URLSuffix':
        return this.identity.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
      case 'AWS::NotificationARNs':
        return [...this.identity.notificationArns];
      case 'AWS::NoValue':
        return NO_VALUE;
    }
    const parameter = this.parameterValues.get(name);
    if (parameter !== undefined) return parameter;
    if (!this.isActive(name)) return undefined;
    const resource = this.resource(name);
    if (resource === 'unknown') return new Unknown(name);
    if (resource === undefined) {
      throw new TemplateEvaluationError(`Template error: resource ${name} has not been created`);
    }
    return resource.physicalId;
  }

  private getAtt(logicalId: string, attribute: string): unknown {
    const declaration = this.template.resources.get(logicalId);
    if (!declaration || !this.isActive(logicalId)) {
      throw new TemplateEvaluationError(
        `Template error: instance of Fn::GetAtt references undefined resource ${logicalId}`,
      );
    }
    const declared = attributesOf(declaration.type);
    const unsupported = () =>
      new TemplateEvaluationError(
        `Template error: resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`,
      );
    if (declared.size > 0 && !declared.has(attribute)) throw unsupported();
    const resource = this.resource(logicalId);
    if (resource === 'unknown') return new Unknown(`${logicalId}.${attribute}`);
    const value = resource?.attributes[attribute];
    if (value !== undefined) return value;
    if (resource === undefined || !declared.has(attribute)) {
      throw new TemplateEvaluationError(
        `Template error: resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`,
      );
    }
    throw new TemplateEvaluationError(
      `Template error: attribute ${attribute} of ${logicalId} is not available`,
    );
  }
}

/** `aws`, `aws-cn` or `aws-us-gov`, from the region name. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function outputText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
