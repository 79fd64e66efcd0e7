import type { FaultRule } from './evidence/faults';
import type { RequestCounts, RequestRecord } from './evidence/request-log';
import type { JenkinsController } from './world/state';

/** How the control API names an ECS service: by stack, or by cluster (and service). */
export type ServiceSelector =
  | { readonly stackName: string; readonly region?: string }
  | { readonly cluster: string; readonly service?: string; readonly region?: string };

/**
 * A typed client for the sandbox's control API (`/_sandbox/`), for tests and benchmarks: read
 * and clear the request log, set faults, drive the clock, and make the world misbehave.
 */
export class SandboxControlClient {
  constructor(private readonly baseUrl: string) {}

  health(): Promise<{
    status: string;
    url: string;
    simulatedTime: string;
    speed: number;
    regions: string[];
  }> {
    return this.call('GET', 'health');
  }

  requests(
    since = 0,
  ): Promise<{ requests: RequestRecord[]; counts: RequestCounts; total: number }> {
    return this.call('GET', `requests?since=${since}`);
  }

  clearRequests(): Promise<unknown> {
    return this.call('DELETE', 'requests');
  }

  /** Replaces the fault rules (an empty list clears them). */
  setFaults(rules: FaultRule[]): Promise<{ rules: FaultRule[] }> {
    return this.call('POST', 'faults', { rules });
  }

  clearFaults(): Promise<unknown> {
    return this.call('DELETE', 'faults');
  }

  setSpeed(speed: number): Promise<{ now: number; speed: number }> {
    return this.call('POST', 'clock', { speed });
  }

  /** Moves simulated time forward at once (every simulation step on the way runs). */
  advance(advanceMs: number): Promise<{ now: number; speed: number }> {
    return this.call('POST', 'clock', { advanceMs });
  }

  /** Stops the service's running task as if its essential container exited. */
  crashTask(
    selector: ServiceSelector & { reason?: string },
  ): Promise<{ taskArn: string; taskId: string }> {
    return this.call('POST', 'ecs/crash-task', selector);
  }

  /** Makes health checks of a target group (or of a service's groups) fail until cleared. */
  makeTargetsUnhealthy(
    selector: ({ targetGroupArn: string; region?: string } | ServiceSelector) & {
      reason?: 'Target.ResponseCodeMismatch' | 'Target.FailedHealthChecks';
      clear?: boolean;
    },
  ): Promise<{ targetGroupArns: string[]; failing: string | null }> {
    return this.call('POST', 'targets/unhealthy', selector);
  }

  /** The named stack resource fails on the stack's next operation that touches it. */
  failResource(request: {
    stackName: string;
    logicalId: string;
    reason?: string;
    region?: string;
  }): Promise<unknown> {
    return this.call('POST', 'cloudformation/fail-resource', request);
  }

  /** The values a live stack is deployed with, NoEcho ones unmasked (evidence for tests). */
  deployedParameters(request: {
    stackName: string;
    region?: string;
  }): Promise<{ parameters: { key: string; value: string; resolved?: string }[] }> {
    const query = new URLSearchParams({
      stackName: request.stackName,
      region: request.region ?? 'eu-west-1',
    });
    return this.call('GET', `cloudformation/parameters?${query.toString()}`);
  }

  /** Sets how many builds want an executor on the controller's Jenkins. */
  setBuildQueue(
    selector: ServiceSelector & { length: number },
  ): Promise<{ serviceArn: string; length: number }> {
    return this.call('POST', 'jenkins/queue', selector);
  }

  /**
   * Adds `count` running agent instances tagged as the controller's EC2 plugin tags its own
   * (Jenkins has no node for them), to reach pool sizes the simulated demand would take hours to.
   */
  addAgents(
    selector: ServiceSelector & { count: number },
  ): Promise<{ added: number; instanceIds: string[] }> {
    return this.call('POST', 'ec2/agents', selector);
  }

  /** The simulated Jenkins controller: demand, agents and the scale limits its plugin last read. */
  jenkins(selector: ServiceSelector): Promise<JenkinsController> {
    const query = new URLSearchParams(
      Object.entries(selector).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
    return this.call('GET', `jenkins?${query.toString()}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as T & { error?: string };
    if (!response.ok)
      throw new Error(
        `Sandbox control ${method} ${path} failed: ${parsed.error ?? response.status}`,
      );
    return parsed;
  }
}
