import 'server-only';
import { config } from './config';

/** What the UI says about where the dashboard points. */
export interface EnvironmentView {
  readonly regions: readonly string[];
  /** The AWS endpoint is the local sandbox (its control API answered). */
  readonly sandbox: boolean;
  /** The endpoint override, when one is set; undefined means real AWS endpoints. */
  readonly endpoint: string | undefined;
  /** The prefix new stack names must have (DASHBOARD_STACK_NAME_PREFIX), when one is set. */
  readonly stackNamePrefix: string | undefined;
}

let sandboxAnswer: { endpoint: string; sandbox: boolean } | undefined;

async function isSandbox(endpoint: string): Promise<boolean> {
  if (sandboxAnswer?.endpoint === endpoint) return sandboxAnswer.sandbox;
  let sandbox = false;
  try {
    const response = await fetch(new URL('/_sandbox/health', endpoint), {
      signal: AbortSignal.timeout(2_000),
    });
    sandbox = response.ok;
  } catch {
    sandbox = false;
  }
  sandboxAnswer = { endpoint, sandbox };
  return sandbox;
}

/**
 * Where this dashboard points: the configured regions and whether AWS is the local sandbox,
 * so the UI can always say so clearly.
 */
export async function environmentView(): Promise<EnvironmentView> {
  const { regions, endpointUrl, stackNamePrefix } = config();
  return {
    regions,
    endpoint: endpointUrl,
    stackNamePrefix,
    sandbox: endpointUrl === undefined ? false : await isSandbox(endpointUrl),
  };
}
