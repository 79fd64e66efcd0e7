import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sandboxLog } from '../core/log';
import type { SandboxFunction } from './functions';

/** How a run of a function ended, as far as the sandbox can see from outside it. */
export type FunctionRunEnd =
  { readonly outcome: 'returned' } | { readonly outcome: 'failed'; readonly message: string };

export interface FunctionRunOptions {
  /** The sandbox's URL: the function's AWS SDK clients call it (AWS_ENDPOINT_URL). */
  readonly endpointUrl: string;
  readonly requestId?: string;
}

// The function's `require` resolves from the project, as the Lambda runtime's would from its
// bundled AWS SDK: the sandbox's own node_modules hold the same @aws-sdk clients.
const PROJECT_PACKAGE = fileURLToPath(new URL('../../package.json', import.meta.url));

// Runs inside the worker: loads index.js from source the way Node's CommonJS loader does, and
// calls the handler with a Lambda-like context. Plain JavaScript, because workers started
// from a string are not compiled.
const RUNTIME = `
const { workerData, parentPort } = require('node:worker_threads');
const Module = require('node:module');
const vm = require('node:vm');
const { code, exportName, event, deadline, functionName, requestId, requireFrom } = workerData;
const filename = '/var/task/index.js';
const loaded = { exports: {} };
vm.runInThisContext(Module.wrap(code), { filename })(
  loaded.exports, Module.createRequire(requireFrom), loaded, filename, '/var/task');
const handler = loaded.exports[exportName];
if (typeof handler !== 'function') throw new Error('index.' + exportName + ' is not a function');
const context = {
  functionName,
  awsRequestId: requestId,
  logStreamName: 'sandbox/' + requestId,
  getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
};
Promise.resolve(handler(event, context)).then(
  () => parentPort.postMessage({ outcome: 'returned' }),
  (error) => parentPort.postMessage({ outcome: 'failed', message: String(error && error.stack || error) }),
);
`;

/**
 * Runs a function once, in a worker thread with its own environment: AWS credentials for the
 * sandbox, the region, and AWS_ENDPOINT_URL so that its SDK clients call the sandbox. Ends when
 * the handler's promise settles, it throws, or the function's Timeout passes (real seconds).
 */
export function runFunction(
  fn: SandboxFunction,
  event: unknown,
  options: FunctionRunOptions,
): Promise<FunctionRunEnd> {
  const requestId = options.requestId ?? randomUUID();
  const deadline = Date.now() + fn.timeoutSeconds * 1000;
  const worker = new Worker(RUNTIME, {
    eval: true,
    env: {
      ...fn.environment,
      AWS_REGION: fn.region,
      AWS_DEFAULT_REGION: fn.region,
      AWS_ACCESS_KEY_ID: 'ASIASANDBOXLAMBDA',
      AWS_SECRET_ACCESS_KEY: 'sandbox',
      AWS_SESSION_TOKEN: 'sandbox',
      AWS_ENDPOINT_URL: options.endpointUrl,
      // Lambda's runtime is a supported Node; this machine's may draw the SDK's warning.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_LAMBDA_FUNCTION_NAME: fn.name,
    },
    workerData: {
      code: fn.code,
      exportName: fn.exportName,
      event,
      deadline,
      functionName: fn.name,
      requestId,
      requireFrom: PROJECT_PACKAGE,
    },
    stdout: true,
    stderr: true,
  });
  const log = sandboxLog.child({ function: fn.name, requestId });
  worker.stdout.on('data', (chunk: Buffer) => log.info(chunk.toString().trimEnd()));
  worker.stderr.on('data', (chunk: Buffer) => log.warn(chunk.toString().trimEnd()));

  return new Promise<FunctionRunEnd>((resolve) => {
    let ended = false;
    const end = (result: FunctionRunEnd) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      // Its SDK's keep-alive sockets would hold the worker open; the run is over.
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        end({ outcome: 'failed', message: `Task timed out after ${fn.timeoutSeconds} seconds` }),
      fn.timeoutSeconds * 1000,
    );
    timer.unref();
    worker.on('message', (message: FunctionRunEnd) => end(message));
    worker.on('error', (error) =>
      end({ outcome: 'failed', message: String(error.stack ?? error) }),
    );
    worker.on('exit', () => end({ outcome: 'failed', message: 'The function exited early' }));
  });
}
