import 'server-only';
import { z } from 'zod';
import { instanceIdOfNode } from './agents';
import type { AppliedLimits, JenkinsNodeView, JenkinsView } from './types';

const TIMEOUT_MS = 4_000;
const STUCK_AFTER_MS = 10 * 60_000;

const queueSchema = z.object({
  items: z.array(z.object({ inQueueSince: z.number().optional(), stuck: z.boolean().optional() })),
});

const computerSchema = z.object({
  computer: z.array(
    z.object({
      displayName: z.string(),
      offline: z.boolean().optional(),
      idle: z.boolean().optional(),
      _class: z.string().optional(),
    }),
  ),
});

const rootSchema = z.object({ description: z.string().nullable().optional() });

/**
 * Reads the line our Configuration as Code writes into the system message
 * (`Scale limits in effect: cap=10 warm=0 idle=30 type=t3.large`), re-rendered on every reload.
 */
export function appliedLimitsOf(description: string | null | undefined): AppliedLimits | undefined {
  const line = /Scale limits in effect:([^\n]*)/.exec(description ?? '')?.[1];
  if (line === undefined) return undefined;
  const field = (name: string) => new RegExp(`\\b${name}=(\\S+)`).exec(line)?.[1];
  const number = (name: string) => {
    const value = field(name);
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  return {
    cap: number('cap'),
    warm: number('warm'),
    idleMinutes: number('idle'),
    instanceType: field('type'),
  };
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return response.json();
}

/**
 * Probes a Jenkins controller through its public URL: `/login` reachable and how fast (the
 * same path the load balancer checks), the version header, the build queue and the nodes.
 * Jenkins is not AWS: its failures are reported in the view, never thrown.
 */
export async function probeJenkins(jenkinsUrl: string, now: number): Promise<JenkinsView> {
  const base = jenkinsUrl.replace(/\/+$/, '');
  const started = performance.now();
  let login: Response;
  try {
    login = await fetch(`${base}/login`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
    await login.arrayBuffer();
  } catch (error) {
    return {
      reachable: false,
      httpStatus: undefined,
      responseMs: undefined,
      version: undefined,
      queueLength: undefined,
      stuckItems: undefined,
      nodes: undefined,
      appliedLimits: undefined,
      error: `Jenkins at ${base} did not answer: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const responseMs = performance.now() - started;
  if (login.status >= 500 || login.status === 404) {
    return {
      reachable: false,
      httpStatus: login.status,
      responseMs,
      version: undefined,
      queueLength: undefined,
      stuckItems: undefined,
      nodes: undefined,
      appliedLimits: undefined,
      error: `Jenkins /login answered HTTP ${login.status}.`,
    };
  }

  const [root, queue, computers] = await Promise.allSettled([
    getJson(`${base}/api/json?tree=description`).then((body) => rootSchema.parse(body)),
    getJson(`${base}/queue/api/json?tree=items[inQueueSince,stuck]`).then((body) =>
      queueSchema.parse(body),
    ),
    getJson(`${base}/computer/api/json?tree=computer[displayName,offline,idle]`).then((body) =>
      computerSchema.parse(body),
    ),
  ]);
  const nodes: JenkinsNodeView[] | undefined =
    computers.status === 'fulfilled'
      ? computers.value.computer
          .filter(
            (computer) =>
              computer._class !== 'hudson.model.Hudson$MasterComputer' &&
              computer.displayName !== 'Built-In Node',
          )
          .map((computer) => ({
            name: computer.displayName,
            offline: computer.offline ?? false,
            idle: computer.idle ?? true,
            instanceId: instanceIdOfNode(computer.displayName),
          }))
      : undefined;
  const items = queue.status === 'fulfilled' ? queue.value.items : undefined;
  return {
    reachable: true,
    httpStatus: login.status,
    responseMs,
    version: login.headers.get('x-jenkins') ?? undefined,
    queueLength: items?.length,
    stuckItems: items?.filter(
      (item) =>
        item.stuck === true ||
        (item.inQueueSince !== undefined && now - item.inQueueSince > STUCK_AFTER_MS),
    ).length,
    nodes,
    appliedLimits:
      root.status === 'fulfilled' ? appliedLimitsOf(root.value.description) : undefined,
    error:
      queue.status === 'rejected' || computers.status === 'rejected'
        ? 'The Jenkins JSON API did not answer; anonymous read may be off.'
        : undefined,
  };
}
