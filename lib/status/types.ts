/**
 * The ops page's view of one stack, built on the server from AWS's answers. These are the
 * project's own shapes: no SDK type reaches a component. Times are ISO strings.
 */

export type VerdictLevel = 'Healthy' | 'Progressing' | 'Degraded' | 'Down' | 'Unknown';

/** The layers the verdict reasons through, in order; the first failing one is named. */
export type VerdictLayer = 'stack' | 'rollout' | 'target' | 'jenkins' | 'queue';

export interface Verdict {
  readonly level: VerdictLevel;
  /** The first layer that is not fine; undefined when all are. */
  readonly layer: VerdictLayer | undefined;
  /** One sentence for the person: what is wrong, or that all is well. */
  readonly summary: string;
  /** The likely cause and what to check, when known. */
  readonly cause: string | undefined;
}

export interface StackParameterView {
  readonly key: string;
  /** Masked as AWS masks it (`****`) for NoEcho parameters. */
  readonly value: string;
  readonly resolvedValue: string | undefined;
  readonly noEcho: boolean;
}

export interface StackOutputView {
  readonly key: string;
  readonly value: string;
  readonly description: string | undefined;
}

export interface StackView {
  readonly name: string;
  readonly id: string;
  readonly region: string;
  readonly status: string;
  readonly statusReason: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string | undefined;
  readonly parameters: readonly StackParameterView[];
  readonly outputs: readonly StackOutputView[];
  readonly jenkinsUrl: string | undefined;
  readonly terminationProtection: boolean;
}

export interface DeploymentView {
  readonly id: string;
  readonly status: string;
  readonly rolloutState: string | undefined;
  readonly rolloutStateReason: string | undefined;
  readonly taskDefinition: string;
  readonly desired: number;
  readonly running: number;
  readonly pending: number;
  readonly failedTasks: number;
  readonly createdAt: string | undefined;
}

export interface TaskView {
  readonly id: string;
  readonly lastStatus: string;
  readonly desiredStatus: string;
  readonly healthStatus: string | undefined;
  readonly startedAt: string | undefined;
  readonly stoppedAt: string | undefined;
  readonly stoppedReason: string | undefined;
  readonly privateIp: string | undefined;
  readonly taskDefinition: string;
}

export interface TargetView {
  readonly id: string;
  readonly port: number | undefined;
  readonly state: string;
  readonly reason: string | undefined;
  readonly description: string | undefined;
}

export interface ServiceEventView {
  readonly id: string;
  readonly at: string;
  readonly message: string;
}

export interface HealthCheckView {
  readonly path: string | undefined;
  readonly port: string | undefined;
  readonly matcher: string | undefined;
  readonly intervalSeconds: number | undefined;
  readonly healthyThreshold: number | undefined;
}

export interface ControllerView {
  readonly clusterName: string;
  readonly serviceName: string;
  /** Service status: ACTIVE, DRAINING, INACTIVE, or MISSING when ECS reported a failure. */
  readonly serviceStatus: string;
  readonly desired: number;
  readonly running: number;
  readonly pending: number;
  readonly deployments: readonly DeploymentView[];
  readonly tasks: readonly TaskView[];
  readonly targets: readonly TargetView[];
  readonly healthCheck: HealthCheckView | undefined;
  readonly events: readonly ServiceEventView[];
  /** The stack's task definition differs from what the primary deployment runs (C20). */
  readonly taskDefinitionMismatch: boolean;
}

export interface JenkinsNodeView {
  readonly name: string;
  readonly offline: boolean;
  readonly idle: boolean;
  readonly instanceId: string | undefined;
}

export interface JenkinsView {
  readonly reachable: boolean;
  readonly httpStatus: number | undefined;
  readonly responseMs: number | undefined;
  readonly version: string | undefined;
  readonly queueLength: number | undefined;
  /** Queue items waiting longer than a few minutes, when the queue is readable. */
  readonly stuckItems: number | undefined;
  /** The agents Jenkins knows; undefined when its API could not be read. */
  readonly nodes: readonly JenkinsNodeView[] | undefined;
  /** The scale limits Jenkins says it loaded (its system message), to confirm an edit applied. */
  readonly appliedLimits: AppliedLimits | undefined;
  readonly error: string | undefined;
}

export interface AppliedLimits {
  readonly cap: number | undefined;
  readonly warm: number | undefined;
  readonly idleMinutes: number | undefined;
  readonly instanceType: string | undefined;
}

export type AgentActivity = 'busy' | 'idle' | 'offline' | 'unknown';

export interface AgentView {
  readonly instanceId: string;
  readonly state: string;
  readonly instanceType: string;
  readonly availabilityZone: string | undefined;
  readonly launchedAt: string | undefined;
  readonly privateIp: string | undefined;
  readonly nodeName: string | undefined;
  readonly activity: AgentActivity;
  /** Counts against the instance cap the way the EC2 plugin counts. */
  readonly countsAgainstCap: boolean;
  /** Running with no Jenkins node, or with a stale plugin heartbeat (C27). */
  readonly possiblyOrphaned: boolean;
}

export interface AgentPoolView {
  readonly cap: number | undefined;
  readonly warm: number | undefined;
  readonly idleMinutes: number | undefined;
  readonly instanceType: string | undefined;
  readonly counted: number;
  readonly headroom: number | undefined;
  readonly byState: Readonly<Record<string, number>>;
  readonly agents: readonly AgentView[];
  /** Jenkins nodes that name an instance this stack does not have. */
  readonly nodesWithoutInstance: readonly string[];
}

export type TimelineSource = 'stack' | 'service' | 'target';

export interface TimelineEntry {
  readonly id: string;
  readonly at: string;
  readonly source: TimelineSource;
  readonly failure: boolean;
  readonly title: string;
  readonly detail: string | undefined;
}

/** One point of the agent-pool chart. */
export interface PoolSample {
  readonly at: string;
  /** Agents counted against the cap. */
  readonly pool: number;
  readonly cap: number | undefined;
  readonly queue: number | undefined;
}

/** How long agents took from launch to their Jenkins node coming online, as seen by polling. */
export interface AgentStartTimes {
  readonly samples: number;
  readonly medianSeconds: number;
  readonly latestSeconds: number;
}

export interface StackSnapshot {
  readonly stack: StackView;
  readonly controller: ControllerView | undefined;
  readonly jenkins: JenkinsView | undefined;
  readonly agents: AgentPoolView;
  readonly timeline: readonly TimelineEntry[];
  /** Pool size, cap and queue length over the last hour, as this dashboard saw them. */
  readonly poolHistory: readonly PoolSample[];
  /** Launch-to-online times of recent agents; undefined until one has been seen. */
  readonly agentStartTimes: AgentStartTimes | undefined;
  /** Deleting the stack terminates its agents (its template has the AgentReaper). */
  readonly reapsAgentsOnDelete: boolean;
  readonly verdict: Verdict;
  /** When AWS answered for this snapshot. */
  readonly fetchedAt: string;
  /** Set when the latest refresh failed and this is the last good snapshot. */
  readonly stale: { readonly since: string; readonly reason: string } | undefined;
  /** The pace this snapshot asks for: short while anything moves. */
  readonly pollAfterMs: number;
  /**
   * Milliseconds from the moment it was served until the server refreshes it: viewers poll
   * then, so every open page lands on the server's schedule instead of drifting on its own.
   */
  readonly refreshInMs: number;
}
