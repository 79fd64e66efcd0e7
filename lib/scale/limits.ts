/**
 * The scale limits an operator edits from the stack page: stack parameters of our template
 * that reach Jenkins without replacing the controller task (they feed SSM parameters), plus
 * the controller's on/off switch, which does change the service.
 */
export const SCALE_PARAMETERS = [
  'AgentInstanceCap',
  'WarmAgents',
  'AgentIdleMinutes',
  'AgentInstanceType',
  'ControllerEnabled',
] as const;

export type ScaleParameter = (typeof SCALE_PARAMETERS)[number];

/** Scale limits that must be whole numbers, whatever the template's Number type allows (C26). */
export const INTEGER_SCALE_PARAMETERS: ReadonlySet<string> = new Set([
  'AgentInstanceCap',
  'WarmAgents',
  'AgentIdleMinutes',
]);

export function isScaleParameter(key: string): key is ScaleParameter {
  return (SCALE_PARAMETERS as readonly string[]).includes(key);
}
