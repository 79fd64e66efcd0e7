import { containerDefinition } from '../services/ecs/views';
import type { RegionState, Task } from '../world/state';

/**
 * Where a container secret's `valueFrom` points: a Secrets Manager secret (its ARN, perhaps
 * with a JSON key and version after it) or an SSM parameter (its ARN or its name).
 */
function secretExists(region: RegionState, valueFrom: string): boolean {
  if (valueFrom.startsWith('arn:')) {
    const parts = valueFrom.split(':');
    if (parts[2] === 'secretsmanager') return parts.slice(0, 7).join(':') in region.recorded;
    if (parts[2] !== 'ssm') return false;
    // arn:…:parameter/ec2/keypair/key-1 names /ec2/keypair/key-1; arn:…:parameter/x names x.
    const path = parts
      .slice(5)
      .join(':')
      .replace(/^parameter\//, '');
    return `/${path}` in region.parameters || path in region.parameters;
  }
  return valueFrom in region.parameters;
}

/**
 * ECS fetches a task's secrets with the execution role before the container starts; one that
 * does not exist stops the task before it runs, with ECS's ResourceInitializationError. The
 * reason names the missing reference, as ECS does.
 */
export function unretrievableSecret(region: RegionState, task: Task): string | undefined {
  const container = containerDefinition(
    region.taskDefinitions[task.taskDefinitionArn],
    task.containerName,
  );
  for (const entry of (container?.secrets ?? []) as { valueFrom?: unknown }[]) {
    const valueFrom = String(entry.valueFrom ?? '');
    if (secretExists(region, valueFrom)) continue;
    const store = valueFrom.includes(':secretsmanager:') ? 'asm' : 'ssm';
    return `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ${store}: ${valueFrom} was not found`;
  }
  return undefined;
}
