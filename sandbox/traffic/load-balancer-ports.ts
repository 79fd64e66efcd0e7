import { createServer, type Server } from 'node:http';
import { closeServer, listen } from '../server/http';
import type { HttpAnswer } from './jenkins-http';

/** Answers a request that reached the load balancer listening on `port`. */
export type LoadBalancerHandler = (port: number, path: string) => HttpAnswer;

const POOL_SIZE = 3;

/**
 * The local ports load balancers listen on (one 127.0.0.1 port per load balancer). A
 * CloudFormation provider must return the DNS name synchronously, so a few servers are opened
 * ahead of time and handed out from a pool that refills in the background.
 */
export class LoadBalancerPorts {
  private readonly pool: { port: number; server: Server }[] = [];
  private readonly assigned = new Map<number, Server>();
  private refilling: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly handler: LoadBalancerHandler) {}

  /** Opens the pool's servers. */
  async warm(): Promise<void> {
    while (this.pool.length < POOL_SIZE && !this.closed) {
      const server = this.server();
      const port = await listen(server, 0);
      this.pool.push({ port, server });
    }
  }

  /** Takes a listening port for a new load balancer. */
  acquire(): number {
    const entry = this.pool.shift();
    if (!entry) throw new Error('The sandbox has no free load balancer port yet; try again.');
    this.assigned.set(entry.port, entry.server);
    this.refill();
    return entry.port;
  }

  /**
   * Listens on a specific port again (a restored load balancer). Falls back to a free port when
   * it is taken, and returns the port actually used.
   */
  async reopen(port: number): Promise<number> {
    if (this.assigned.has(port)) return port;
    const server = this.server();
    let bound: number;
    try {
      bound = await listen(server, port);
    } catch {
      bound = await listen(server, 0);
    }
    this.assigned.set(bound, server);
    return bound;
  }

  async release(port: number): Promise<void> {
    const server = this.assigned.get(port);
    this.assigned.delete(port);
    if (server) await closeServer(server);
  }

  async closeAll(): Promise<void> {
    this.closed = true;
    await this.refilling;
    const servers = [...this.assigned.values(), ...this.pool.map((entry) => entry.server)];
    this.assigned.clear();
    this.pool.length = 0;
    await Promise.all(servers.map(closeServer));
  }

  private refill(): void {
    if (this.refilling || this.closed) return;
    this.refilling = this.warm().finally(() => {
      this.refilling = undefined;
    });
  }

  private server(): Server {
    const server = createServer((req, res) => {
      const port = (req.socket.localPort ?? 0) as number;
      const answer = this.handler(port, req.url ?? '/');
      res.writeHead(answer.status, {
        ...answer.headers,
        'content-length': Buffer.byteLength(answer.body),
      });
      res.end(answer.body);
      req.resume();
    });
    return server;
  }
}
