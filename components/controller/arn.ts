/**
 * A task definition ARN as people say it, `family:revision`
 * (`arn:aws:ecs:eu-west-1:123:task-definition/jenkins-controller:7` → `jenkins-controller:7`).
 */
export function taskDefinitionLabel(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return slash === -1 ? arn : arn.slice(slash + 1);
}
