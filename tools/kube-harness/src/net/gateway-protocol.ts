/**
 * The line protocol between the harness and its gateway (a process inside the pods' network
 * namespace, see gateway-server.ts) over a unix socket, which crosses network namespaces: the
 * first line of a connection is one JSON request, the gateway answers one JSON line, and a
 * `connect` then carries raw bytes both ways.
 */
export type GatewayRequest =
  | { op: 'connect'; host: string; port: number; timeoutMs: number }
  | { op: 'services'; services: ServiceRoute[] };

export type GatewayReply = { ok: true } | { ok: false; error: string };

/** A virtual address (a Service's clusterIP and port) and the ready endpoints behind it. */
export interface ServiceRoute {
  ip: string;
  port: number;
  endpoints: { ip: string; port: number }[];
}

/** The kubelet's way of saying why a dial failed (Go's net errors), from a Node error code. */
export function dialError(host: string, port: number, error: NodeJS.ErrnoException): string {
  const target = `dial tcp ${host}:${port}`;
  switch (error.code) {
    case 'ECONNREFUSED':
      return `${target}: connect: connection refused`;
    case 'EHOSTUNREACH':
      return `${target}: connect: no route to host`;
    case 'ENETUNREACH':
      return `${target}: connect: network is unreachable`;
    case 'ETIMEDOUT':
      return `${target}: i/o timeout`;
    default:
      return `${target}: ${error.message}`;
  }
}
