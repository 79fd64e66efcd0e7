import type { ServiceEventView, TargetView, TimelineEntry } from './types';

/** A stack event as the timeline needs it. */
export interface StackEventInput {
  readonly eventId: string;
  readonly at: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly status: string;
  readonly reason: string | undefined;
}

const SERVICE_FAILURE =
  /unhealthy|unable to place|failed|circuit breaker|insufficient|did not stabilize|stopped \d+ running task/i;

/** A target's state change seen between two snapshots. */
export interface TargetTransition {
  readonly at: string;
  readonly targetId: string;
  readonly from: string | undefined;
  readonly to: string;
  readonly reason: string | undefined;
  readonly description: string | undefined;
}

/**
 * The target-health transitions between the previous and the current targets: AWS keeps no
 * history of target health, so the dashboard records what it sees change between polls.
 */
export function targetTransitions(
  previous: readonly TargetView[] | undefined,
  current: readonly TargetView[],
  at: string,
): TargetTransition[] {
  const before = new Map((previous ?? []).map((target) => [`${target.id}:${target.port}`, target]));
  const transitions: TargetTransition[] = [];
  for (const target of current) {
    const old = before.get(`${target.id}:${target.port}`);
    if (old?.state !== target.state) {
      transitions.push({
        at,
        targetId: target.id,
        from: old?.state,
        to: target.state,
        reason: target.reason,
        description: target.description,
      });
    }
    before.delete(`${target.id}:${target.port}`);
  }
  for (const gone of before.values()) {
    transitions.push({
      at,
      targetId: gone.id,
      from: gone.state,
      to: 'deregistered',
      reason: undefined,
      description: undefined,
    });
  }
  return transitions;
}

/**
 * One timeline, newest first: stack events, ECS service events and target-health transitions
 * merged by time. Equal times keep the order each source gave them.
 */
export function mergeTimeline(sources: {
  stackEvents: readonly StackEventInput[];
  serviceEvents: readonly ServiceEventView[];
  targetTransitions: readonly TargetTransition[];
}): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...sources.stackEvents.map((event): TimelineEntry => ({
      id: `stack:${event.eventId}`,
      at: event.at,
      source: 'stack',
      failure: /FAILED$/.test(event.status),
      title: `${event.logicalId} ${event.status}`,
      detail: event.reason,
    })),
    ...sources.serviceEvents.map((event): TimelineEntry => ({
      id: `service:${event.id}`,
      at: event.at,
      source: 'service',
      failure: SERVICE_FAILURE.test(event.message),
      title: event.message,
      detail: undefined,
    })),
    ...sources.targetTransitions.map((transition): TimelineEntry => ({
      id: `target:${transition.targetId}:${transition.at}:${transition.to}`,
      at: transition.at,
      source: 'target',
      failure: transition.to === 'unhealthy',
      title: `Target ${transition.targetId} ${transition.from ?? 'registered'} → ${transition.to}`,
      detail: [transition.reason, transition.description].filter(Boolean).join(': ') || undefined,
    })),
  ];
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}
