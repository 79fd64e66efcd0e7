import { setTimeout as sleep } from 'node:timers/promises';
import type { AwsClients } from '../lib/aws/clients';
import { SnapshotCache } from '../lib/status/cache';
import { nextPollMs } from '../lib/client/poll';
import { FAST_POLL_MS, SLOW_POLL_MS } from '../lib/status/snapshot';
import { createStatusService } from '../lib/status/service';
import type { Figure } from './figure';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';
import { launchSettledStack, sandboxClients } from './sandbox-stack';

const STACK = 'bench-viewers';
const CROWD = 100;
/** A fixed-interval poller's drift: ±10% of its interval. */
const JITTER = 0.1;
/** How late a timer and a loopback request may land: they are never early. */
const LATENESS_MS = 200;

/** How a viewer's page decides when to poll again. */
type Pace = 'page' | 'fast';

interface Experiment {
  readonly region: string;
  readonly viewers: number;
  readonly pace: Pace;
}

/** Each experiment in its own sandbox region: counted apart while all run at once. */
const EXPERIMENTS: readonly Experiment[] = [
  { region: 'eu-west-1', viewers: 1, pace: 'page' },
  { region: 'eu-west-2', viewers: CROWD, pace: 'page' },
  { region: 'eu-central-1', viewers: 1, pace: 'fast' },
  { region: 'eu-north-1', viewers: CROWD, pace: 'fast' },
];

/** A small seeded generator (mulberry32), so every run opens the tabs at the same moments. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Outcome {
  readonly experiment: Experiment;
  readonly calls: number;
  readonly polls: number;
  readonly stalePolls: number;
}

/**
 * Viewers of one stack polling one status service with the real cache, as every open ops
 * page polls the same server: each tab opens at a random moment of one polling interval,
 * then asks again when its last answer says the server refreshes (`nextPollMs`, what the
 * page's SWR hook does) landing up to 200 ms late, or every 3 s with ±10% drift.
 */
async function runExperiment(
  sandbox: SandboxProcess,
  clients: AwsClients,
  experiment: Experiment,
  durationMs: number,
): Promise<Outcome> {
  const service = createStatusService(() => clients, new SnapshotCache());
  const random = seededRandom(experiment.viewers * 7 + (experiment.pace === 'page' ? 1 : 2));
  const stopAt = Date.now() + durationMs;
  let polls = 0;
  let stalePolls = 0;

  const viewer = async (index: number) => {
    // Tabs open at any moment of a polling interval; the lone viewer opens first.
    const interval = experiment.pace === 'page' ? SLOW_POLL_MS : FAST_POLL_MS;
    await sleep(index === 0 ? 0 : random() * interval);
    while (Date.now() < stopAt) {
      const snapshot = await service.snapshot(clients.region, STACK);
      polls += 1;
      if (snapshot.stale !== undefined) stalePolls += 1;
      const wait =
        experiment.pace === 'page'
          ? nextPollMs(snapshot) + random() * LATENESS_MS
          : FAST_POLL_MS * (1 + (random() * 2 - 1) * JITTER);
      await sleep(Math.min(wait, Math.max(0, stopAt - Date.now())));
    }
  };

  const since = await lastSeq(sandbox);
  await Promise.all(Array.from({ length: experiment.viewers }, (_, index) => viewer(index)));
  const { requests } = await sandbox.control.requests(since);
  const calls = requests.filter((request) => request.region === experiment.region).length;
  return { experiment, calls, polls, stalePolls };
}

async function lastSeq(sandbox: SandboxProcess): Promise<number> {
  const { requests } = await sandbox.control.requests();
  return requests.at(-1)?.seq ?? 0;
}

/**
 * 100 concurrent viewers against one, for the same time: the AWS calls the crowd costs
 * divided by one viewer's, at the page's own pace (15 s at rest) and at 3 s.
 */
export async function measureViewers(
  log: (line: string) => void,
  quick: boolean,
): Promise<Figure[]> {
  const durationMs = quick ? 15_000 : 60_000;
  const sandbox = await startSandboxProcess({ speed: 40, seed: 31 });
  try {
    log(`  launching a stack in each of ${EXPERIMENTS.length} regions…`);
    const clientsByRegion = new Map(
      EXPERIMENTS.map((experiment) => [
        experiment.region,
        sandboxClients(sandbox, experiment.region),
      ]),
    );
    await Promise.all(
      [...clientsByRegion.values()].map((clients) =>
        launchSettledStack(clients, STACK, { agents: 10 }),
      ),
    );
    await sandbox.control.setSpeed(1);
    log(`  polling for ${durationMs / 1_000} s…`);
    const outcomes = await Promise.all(
      EXPERIMENTS.map((experiment) =>
        runExperiment(
          sandbox,
          clientsByRegion.get(experiment.region) as AwsClients,
          experiment,
          durationMs,
        ),
      ),
    );
    return (['page', 'fast'] as const).map((pace) => {
      const one = outcomes.find((o) => o.experiment.pace === pace && o.experiment.viewers === 1);
      const crowd = outcomes.find((o) => o.experiment.pace === pace && o.experiment.viewers > 1);
      const ratio = one && crowd ? crowd.calls / one.calls : NaN;
      return {
        group: `${CROWD} concurrent viewers for ${durationMs / 1_000} s, AWS calls against one viewer's`,
        name:
          pace === 'page' ? "at the page's pace (on the server's refresh)" : 'polling every 3 s',
        value: ratio,
        unit: '×',
        target: { atMost: 1.05 },
        detail:
          `${crowd?.calls ?? '?'} calls for ${crowd?.polls ?? '?'} polls (${crowd?.stalePolls ?? '?'} stale) ` +
          `against ${one?.calls ?? '?'} calls for ${one?.polls ?? '?'} polls`,
      };
    });
  } finally {
    await sandbox.close();
  }
}
