import type { StackParameterView } from '@/lib/status/types';

/** How a parameter's value reads on the page. */
export interface ParameterDisplay {
  readonly value: string;
  readonly hidden: boolean;
  /** What an SSM-typed parameter resolved to (e.g. the AMI id behind an SSM path). */
  readonly resolved: string | undefined;
}

/**
 * A parameter as the page shows it: NoEcho values as "hidden" whatever the server sent (the
 * browser never needs them), SSM parameters with what they resolved to when it differs.
 */
export function parameterDisplay(parameter: StackParameterView): ParameterDisplay {
  if (parameter.noEcho) return { value: 'hidden', hidden: true, resolved: undefined };
  const resolved =
    parameter.resolvedValue !== undefined && parameter.resolvedValue !== parameter.value
      ? parameter.resolvedValue
      : undefined;
  return { value: parameter.value, hidden: false, resolved };
}

/** Whether an output value is a web address worth a link (only http and https). */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
