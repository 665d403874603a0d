import { connect, createServer, type Server, type Socket } from 'node:net';

type Mode = 'forward' | 'black-hole';

interface Link {
  client: Socket;
  upstream: Socket;
  /** A black-holed link keeps both sockets open and drops every byte, in both directions. */
  blackHoled: boolean;
}

/**
 * A TCP proxy on 127.0.0.1 between the API and PostgreSQL that fails the way networks do:
 * refuse new connections (nothing listens), drop the open ones (RST, as a restarting server),
 * or black-hole them (the connection stays up and nothing arrives: a lost node, a failover).
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly links = new Set<Link>();
  private mode: Mode = 'forward';
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  /** Starts listening (on an ephemeral port the first time, the same port afterwards). */
  async listen(): Promise<number> {
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  /** `postgres://…` of `url` with its host and port replaced by the proxy's. */
  url(url: string): string {
    const through = new URL(url);
    through.hostname = '127.0.0.1';
    through.port = String(this.port);
    return through.toString();
  }

  /** An outage: open connections are reset and new ones refused until `restore()`. */
  async refuse(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.drop();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** Resets every open connection (new ones are accepted as usual). */
  drop(): void {
    for (const link of this.links) {
      link.client.resetAndDestroy();
      link.upstream.destroy();
    }
    this.links.clear();
  }

  /** Open connections go silent; with `newConnections`, those accepted from now on too. */
  blackHole(options: { newConnections: boolean }): void {
    for (const link of this.links) link.blackHoled = true;
    if (options.newConnections) this.mode = 'black-hole';
  }

  /** Accepts and forwards again; the black-holed connections stay dead, as they would. */
  async restore(): Promise<void> {
    this.mode = 'forward';
    if (!this.server) await this.listen();
  }

  get openConnections(): number {
    return this.links.size;
  }

  async close(): Promise<void> {
    await this.refuse();
  }

  private accept(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    const link: Link = { client, upstream, blackHoled: this.mode === 'black-hole' };
    this.links.add(link);
    const forget = () => {
      this.links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk) => {
      if (!link.blackHoled) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!link.blackHoled) client.write(chunk);
    });
    // A black-holed peer never says goodbye either: only an un-black-holed link passes a close on.
    for (const socket of [client, upstream]) {
      socket.on('error', () => (link.blackHoled ? undefined : forget()));
      socket.on('close', () => (link.blackHoled ? undefined : forget()));
    }
  }
}
