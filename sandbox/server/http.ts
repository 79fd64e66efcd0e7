import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sandboxLog } from '../core/log';
import type { WireResponse } from '../protocols/wire';
import type { AwsRequest } from './dispatch';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Answers a request, or returns undefined when the request is not for this handler. */
export type RequestHandler = (request: AwsRequest) => Promise<WireResponse | undefined>;

/**
 * An HTTP server on 127.0.0.1 that reads whole request bodies and hands them to the handlers in
 * order (control API first, then AWS calls).
 */
export function createSandboxServer(handlers: readonly RequestHandler[]): Server {
  return createServer((req, res) => {
    void answer(handlers, req, res);
  });
}

/** Starts listening on 127.0.0.1 and resolves with the port actually bound. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function answer(
  handlers: readonly RequestHandler[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const body = await readBody(req);
    const request: AwsRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body,
    };
    for (const handler of handlers) {
      const response = await handler(request);
      if (response) return write(res, response);
    }
    write(res, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' });
  } catch (error) {
    sandboxLog.error({ err: error }, 'request failed');
    write(res, { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Sandbox error' });
  }
}

function write(res: ServerResponse, response: WireResponse): void {
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': Buffer.byteLength(response.body),
  });
  res.end(response.body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
