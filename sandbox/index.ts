import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCloudFormation } from './cloudformation/index';
import { TickingClock } from './core/clock';
import type { ProviderRegistry } from './core/provider';
import type { ServiceDefinition } from './core/types';
import { SandboxControlClient } from './control-client';
import { controlHandler } from './control/api';
import { FaultInjector } from './evidence/faults';
import { CustomResources } from './lambda/custom-resources';
import { RequestLog } from './evidence/request-log';
import { createProviders } from './providers/index';
import { dispatchAwsCall } from './server/dispatch';
import { closeServer, createSandboxServer, listen } from './server/http';
import { createEc2Service } from './services/ec2/index';
import { createEcsService } from './services/ecs/index';
import { createElbv2Service } from './services/elbv2/index';
import { createRoute53Service } from './services/route53';
import { createSsmService } from './services/ssm';
import { answerAtLoadBalancer, stepWorld } from './simulation/world-simulation';
import { loadWorldState, saveWorldState } from './state-file';
import { LoadBalancerPorts } from './traffic/load-balancer-ports';
import { resourceExists } from './world/parameter-types';
import { emptyWorldState, World } from './world/world';

export const SANDBOX_ACCOUNT_ID = '123456789012';
const DEFAULT_CASC_FILE = fileURLToPath(new URL('../jenkins/casc.yaml', import.meta.url));
const SAVE_EVERY_MS = 5_000;

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: '127.0.0.1';
  /** Where the world is saved and restored from; absent keeps it in memory only. */
  readonly stateFile?: string;
  /** Simulated milliseconds per real millisecond (default 1). */
  readonly speed?: number;
  /** Seeds ids and fault decisions (default 1). */
  readonly seed?: number;
  /** The JCasC file the simulated controller reads (default jenkins/casc.yaml; null: none). */
  readonly cascFile?: string | null;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:<port>`: use as AWS_ENDPOINT_URL. */
  readonly url: string;
  readonly control: SandboxControlClient;
  readonly world: World;
  readonly clock: TickingClock;
  /** The resource providers the CloudFormation engine uses (tests drive them directly too). */
  readonly providers: ProviderRegistry;
  close(): Promise<void>;
}

/**
 * Starts the local AWS sandbox: one HTTP server on 127.0.0.1 for AWS calls (routed by the SigV4
 * credential scope) and the control API, the simulated world ticking on its clock, load
 * balancers on their own local ports, and the state saved to `stateFile` periodically and on
 * close (restored on start, including the load balancers' ports).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const saved = options.stateFile ? await loadWorldState(options.stateFile) : undefined;
  const state = saved ?? emptyWorldState(Date.now(), options.seed ?? 1);
  const clock = new TickingClock({ start: state.clock.now, speed: options.speed ?? 1 });
  const world = new World(state, clock, SANDBOX_ACCOUNT_ID);
  const ports = new LoadBalancerPorts((port, path) => answerAtLoadBalancer(world, port, path));
  await ports.warm();
  await reopenLoadBalancers(world, ports);

  let url = '';
  const customResources = new CustomResources(world, () => url);
  const providers = createProviders(world, ports, customResources);
  const cloudFormation = createCloudFormation({
    clock,
    providers,
    accountId: SANDBOX_ACCOUNT_ID,
    ssmParameter: (region, name) => world.region(region).parameters[name]?.value,
    resourceExists: (region, type, value) =>
      resourceExists(world.region(region), world.state, type, value),
    availabilityZones: (region) =>
      [
        ...new Set(
          Object.values(world.region(region).subnets).map((subnet) => subnet.availabilityZone),
        ),
      ].sort(),
    state: state.cloudformation,
  });

  const services = new Map<string, ServiceDefinition>(
    [
      cloudFormation.service,
      createEc2Service(world),
      createEcsService(world),
      createElbv2Service(world),
      createSsmService(world),
      createRoute53Service(world),
    ].map((service) => [service.signingName, service]),
  );
  const requests = new RequestLog();
  const faults = new FaultInjector(options.seed ?? 1);
  const cascText = cascReader(
    options.cascFile === undefined ? DEFAULT_CASC_FILE : options.cascFile,
  );
  clock.onTick((now) => stepWorld(world, now, cascText));

  const server = createSandboxServer([
    controlHandler({ world, clock, requests, faults, cloudFormation, url: () => url }),
    customResources.responses,
    (request) =>
      dispatchAwsCall(
        {
          services,
          accountId: SANDBOX_ACCOUNT_ID,
          faults,
          requests,
          simulatedNow: () => clock.now(),
        },
        request,
      ),
  ]);
  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  url = `http://127.0.0.1:${port}`;
  clock.start();

  const save = async (): Promise<void> => {
    if (options.stateFile) await saveWorldState(options.stateFile, world.snapshot());
  };
  const saver = setInterval(() => void save(), SAVE_EVERY_MS);
  saver.unref();

  return {
    url,
    control: new SandboxControlClient(url),
    world,
    clock,
    providers,
    async close() {
      clearInterval(saver);
      clock.stop();
      await save();
      await Promise.all([closeServer(server), ports.closeAll()]);
    },
  };
}

async function reopenLoadBalancers(world: World, ports: LoadBalancerPorts): Promise<void> {
  for (const name of world.regionNames()) {
    for (const balancer of Object.values(world.region(name).loadBalancers)) {
      const port = await ports.reopen(balancer.localPort);
      // A taken port moves the load balancer; its DNS name follows (stack outputs keep the old one).
      balancer.localPort = port;
      balancer.dnsName = `127.0.0.1:${port}`;
    }
  }
}

/** Reads the JCasC file, re-reading it when it changes on disk. */
function cascReader(path: string | null): () => string | undefined {
  let cached: { mtimeMs: number; text: string } | undefined;
  return () => {
    if (path === null) return undefined;
    try {
      const { mtimeMs } = statSync(path);
      if (!cached || cached.mtimeMs !== mtimeMs)
        cached = { mtimeMs, text: readFileSync(path, 'utf8') };
      return cached.text;
    } catch {
      return undefined;
    }
  };
}

export { SandboxControlClient } from './control-client';
export type { FaultRule } from './evidence/faults';
