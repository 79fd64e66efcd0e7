import 'server-only';
import type { Stack, StackEvent } from '@aws-sdk/client-cloudformation';
import type { Instance } from '@aws-sdk/client-ec2';
import type { Service, Task } from '@aws-sdk/client-ecs';
import type {
  TargetGroup,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AgentInstance } from './agents';
import type {
  DeploymentView,
  HealthCheckView,
  ServiceEventView,
  StackView,
  TargetView,
  TaskView,
} from './types';

/** SDK shapes to the project's view types: nothing below this line leaves lib/ as SDK types. */

function iso(date: Date | undefined): string | undefined {
  return date?.toISOString();
}

/** The last segment of an ARN (a task id, a service name). */
export function arnTail(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export function outputsOf(stack: Stack): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const output of stack.Outputs ?? []) {
    if (output.OutputKey !== undefined && output.OutputValue !== undefined) {
      outputs[output.OutputKey] = output.OutputValue;
    }
  }
  return outputs;
}

export function parametersOf(stack: Stack): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const parameter of stack.Parameters ?? []) {
    if (parameter.ParameterKey !== undefined) {
      parameters[parameter.ParameterKey] = parameter.ParameterValue ?? '';
    }
  }
  return parameters;
}

/**
 * The stack as the page shows it. DescribeStacks already masks NoEcho values as `****`; the
 * template's NoEcho keys are passed in so the mask is labelled, never the value guessed.
 */
export function stackView(
  stack: Stack,
  region: string,
  noEchoKeys: ReadonlySet<string>,
): StackView {
  const outputs = (stack.Outputs ?? []).map((output) => ({
    key: output.OutputKey ?? '',
    value: output.OutputValue ?? '',
    description: output.Description,
  }));
  return {
    name: stack.StackName ?? '',
    id: stack.StackId ?? '',
    region,
    status: stack.StackStatus ?? 'UNKNOWN',
    statusReason: stack.StackStatusReason,
    createdAt: iso(stack.CreationTime) ?? new Date(0).toISOString(),
    updatedAt: iso(stack.LastUpdatedTime),
    parameters: (stack.Parameters ?? []).map((parameter) => {
      const key = parameter.ParameterKey ?? '';
      const noEcho = noEchoKeys.has(key) || parameter.ParameterValue === '****';
      return {
        key,
        value: noEcho ? '****' : (parameter.ParameterValue ?? ''),
        resolvedValue: parameter.ResolvedValue,
        noEcho,
      };
    }),
    outputs,
    jenkinsUrl: outputs.find((output) => output.key === 'JenkinsUrl')?.value,
    terminationProtection: stack.EnableTerminationProtection ?? false,
  };
}

export function deploymentViews(service: Service): DeploymentView[] {
  return (service.deployments ?? []).map((deployment) => ({
    id: deployment.id ?? '',
    status: deployment.status ?? 'UNKNOWN',
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
    taskDefinition: deployment.taskDefinition ?? '',
    desired: deployment.desiredCount ?? 0,
    running: deployment.runningCount ?? 0,
    pending: deployment.pendingCount ?? 0,
    failedTasks: deployment.failedTasks ?? 0,
    createdAt: iso(deployment.createdAt),
  }));
}

export function serviceEventViews(service: Service): ServiceEventView[] {
  return (service.events ?? []).map((event) => ({
    id: event.id ?? '',
    at: iso(event.createdAt) ?? '',
    message: event.message ?? '',
  }));
}

export function taskView(task: Task): TaskView {
  const privateIp = task.attachments
    ?.flatMap((attachment) => attachment.details ?? [])
    .find((detail) => detail.name === 'privateIPv4Address')?.value;
  return {
    id: arnTail(task.taskArn ?? ''),
    lastStatus: task.lastStatus ?? 'UNKNOWN',
    desiredStatus: task.desiredStatus ?? 'UNKNOWN',
    healthStatus: task.healthStatus,
    startedAt: iso(task.startedAt),
    stoppedAt: iso(task.stoppedAt),
    stoppedReason: task.stoppedReason,
    privateIp: privateIp ?? task.containers?.[0]?.networkInterfaces?.[0]?.privateIpv4Address,
    taskDefinition: task.taskDefinitionArn ?? '',
  };
}

export function targetViews(descriptions: readonly TargetHealthDescription[]): TargetView[] {
  return descriptions.map((description) => ({
    id: description.Target?.Id ?? '',
    port: description.Target?.Port,
    state: description.TargetHealth?.State ?? 'unavailable',
    reason: description.TargetHealth?.Reason,
    description: description.TargetHealth?.Description,
  }));
}

export function healthCheckView(group: TargetGroup | undefined): HealthCheckView | undefined {
  if (group === undefined) return undefined;
  return {
    path: group.HealthCheckPath,
    port: group.HealthCheckPort,
    matcher: group.Matcher?.HttpCode,
    intervalSeconds: group.HealthCheckIntervalSeconds,
    healthyThreshold: group.HealthyThresholdCount,
  };
}

export function agentInstance(instance: Instance): AgentInstance {
  const tags: Record<string, string> = {};
  for (const tag of instance.Tags ?? []) {
    if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
  }
  return {
    instanceId: instance.InstanceId ?? '',
    state: instance.State?.Name ?? 'unknown',
    instanceType: instance.InstanceType ?? '',
    availabilityZone: instance.Placement?.AvailabilityZone,
    launchedAt: iso(instance.LaunchTime),
    privateIp: instance.PrivateIpAddress,
    tags,
  };
}

export function isFailureStatus(status: string | undefined): boolean {
  return status !== undefined && /FAILED$/.test(status);
}

export type { StackEvent };
