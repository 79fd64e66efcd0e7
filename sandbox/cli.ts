import { parseArgs } from 'node:util';
import { startSandbox } from './index';

/**
 * `npm run sandbox -- --port 4599 --state .sandbox-state/sandbox.json --speed 1`: runs the
 * sandbox until interrupted, saving its state on exit.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4599' },
    state: { type: 'string', default: '.sandbox-state/sandbox.json' },
    speed: { type: 'string', default: '1' },
    seed: { type: 'string' },
  },
});

const sandbox = await startSandbox({
  port: Number(values.port),
  stateFile: values.state,
  speed: Number(values.speed),
  seed: values.seed === undefined ? undefined : Number(values.seed),
});

// What the person who started it needs, on stdout: this is the command's output, not a log
// line (the sandbox logs through its own logger). bench/sandbox-process.ts reads the first line.
console.log(`AWS sandbox listening on ${sandbox.url}`);
console.log(
  `  AWS_ENDPOINT_URL=${sandbox.url} AWS_REGION=eu-west-1 AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox`,
);
console.log(`  control API: ${sandbox.url}/_sandbox/health`);

const stop = async (): Promise<void> => {
  await sandbox.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
