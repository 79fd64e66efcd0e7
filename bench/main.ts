import { measureBrowser } from './browser';
import { formatTarget, formatValue, verdictOf, type Figure } from './figure';
import { describeMachine } from './machine';
import { writeBenchmarksFile } from './report';
import { measureScaleToOnline } from './scale-to-online';
import { measureSnapshotCalls } from './snapshot-calls';
import { measureViewers } from './viewers';

/** The benchmarks `npm run bench` knows, in the order it runs them. */
const BENCHMARKS = {
  calls: {
    title: 'AWS calls and latency per status snapshot',
    run: (options: BenchOptions) => measureSnapshotCalls(options.log),
  },
  viewers: {
    title: '100 concurrent viewers against one',
    run: (options: BenchOptions) => measureViewers(options.log, options.quick),
  },
  scale: {
    title: 'Cap raise to agents online',
    run: (options: BenchOptions) => measureScaleToOnline(options.log),
  },
  browser: {
    title: 'Production build in headless Chromium',
    run: (options: BenchOptions) => measureBrowser(options.log),
  },
} satisfies Record<string, { title: string; run: (options: BenchOptions) => Promise<Figure[]> }>;

type BenchmarkName = keyof typeof BENCHMARKS;

export interface BenchOptions {
  /** Shorter runs (viewers poll for 15 s instead of 60 s). */
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

const USAGE = `npm run bench [-- --quick] [--write] [--only=${Object.keys(BENCHMARKS).join(',')}]
  --quick   shorter runs (the viewers poll for 15 s instead of a minute)
  --write   also record the figures in BENCHMARKS.md
  --only    run only the named benchmarks`;

function parseArguments(args: readonly string[]) {
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const names = (only === undefined ? Object.keys(BENCHMARKS) : only.split(',')) as BenchmarkName[];
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  const bad = args.filter(
    (arg) => !['--quick', '--write', '--help'].includes(arg) && !arg.startsWith('--only='),
  );
  return {
    names,
    quick: args.includes('--quick'),
    write: args.includes('--write'),
    help: args.includes('--help'),
    problems: [
      ...unknown.map((name) => `unknown benchmark "${name}"`),
      ...bad.map((arg) => `unknown option ${arg}`),
    ],
  };
}

/** Figures grouped by benchmark, in the order each group first appeared. */
export function groupedFigures(figures: readonly Figure[]): Figure[] {
  const groups = [...new Set(figures.map((figure) => figure.group))];
  return groups.flatMap((group) => figures.filter((figure) => figure.group === group));
}

function printFigures(figures: readonly Figure[]): void {
  let group = '';
  for (const figure of figures) {
    if (figure.group !== group) {
      group = figure.group;
      console.log(`\n${group}`);
    }
    const verdict = verdictOf(figure);
    console.log(
      `  ${figure.name.padEnd(34)} ${formatValue(figure.value, figure.unit).padStart(14)}  ` +
        `target ${formatTarget(figure).padEnd(12)} ${verdict}`,
    );
    if (figure.detail !== undefined) console.log(`      ${figure.detail}`);
  }
}

/**
 * Runs the benchmarks against sandboxes (and, for the browser figures, the production build)
 * it starts itself, prints every figure with its target and PASS/MISS, and with `--write`
 * records them in BENCHMARKS.md. Answers the exit code: 0 when every figure with a target
 * passed, 1 otherwise, 2 for bad arguments.
 */
export async function runBenchmarks(args: readonly string[]): Promise<number> {
  const parsed = parseArguments(args);
  if (parsed.help || parsed.problems.length > 0) {
    for (const problem of parsed.problems) console.error(problem);
    console.log(USAGE);
    return parsed.help ? 0 : 2;
  }
  const log = (line: string) => console.log(line);
  const options: BenchOptions = { quick: parsed.quick, log };
  const machine = describeMachine();
  console.log(
    `Benchmarks on ${machine.cpuModel}, ${machine.cpus} cores, ${machine.memoryGiB} GiB, ` +
      `Node ${machine.node}${parsed.quick ? ' (quick)' : ''}`,
  );

  const figures: Figure[] = [];
  const failures: string[] = [];
  for (const name of parsed.names) {
    const benchmark = BENCHMARKS[name];
    log(`\n▶ ${benchmark.title}`);
    const started = Date.now();
    try {
      figures.push(...(await benchmark.run(options)));
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      log(`  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    log(`  (${Math.round((Date.now() - started) / 1_000)} s)`);
  }

  printFigures(groupedFigures(figures));
  const misses = figures.filter((figure) => verdictOf(figure) === 'MISS');
  console.log(
    `\n${figures.length} figures, ${misses.length} missed their target` +
      (failures.length > 0 ? `, ${failures.length} benchmarks failed to run` : ''),
  );
  if (parsed.write) {
    const path = await writeBenchmarksFile({
      figures: groupedFigures(figures),
      machine,
      quick: parsed.quick,
      failures,
    });
    console.log(`Recorded in ${path}`);
  }
  return misses.length === 0 && failures.length === 0 ? 0 : 1;
}
