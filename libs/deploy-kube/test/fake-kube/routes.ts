import type { IncomingMessage, ServerResponse } from 'node:http';
import { discoveryAnswer } from './discovery';
import type { FakeKube } from './fake-kube';
import { SelectorError, fieldMatcher, labelMatcher, type KubeObject } from './selectors';
import { ConflictError, RESOURCE_TYPES, apiVersionOf, type ResourceType } from './store';
import { decodeObject, fieldValidationOf } from './validation';

/** Where a request points: a kind, maybe a namespace, maybe an object and a subresource. */
export interface ResourcePath {
  resource: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Reads `/api/v1/...` and `/apis/<group>/<version>/...` paths the way the API server does. */
export function parseResourcePath(pathname: string): ResourcePath | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') [group, version, rest] = ['', parts[1], parts.slice(2)];
  else if (parts[0] === 'apis') [group, version, rest] = [parts[1], parts[2], parts.slice(3)];
  else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource] = rest;
  const resource = RESOURCE_TYPES.find(
    (r) => r.group === group && r.version === version && r.plural === plural,
  );
  if (!resource) return undefined;
  return { resource, namespace, name, subresource };
}

export async function handleRequest(
  kube: FakeKube,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake-kube');
  kube.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search });
  if (!kube.authenticated(req)) {
    return sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
  }
  if (url.pathname === '/version') {
    return sendJson(res, 200, { major: '1', minor: '29', gitVersion: 'v1.29.0' });
  }
  if (['/livez', '/readyz', '/healthz'].includes(url.pathname)) {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  const discovered = discoveryAnswer(url.pathname);
  if (discovered) return sendJson(res, 200, discovered);
  const target = parseResourcePath(url.pathname);
  if (!target)
    return sendStatus(res, 404, 'NotFound', 'the server could not find the requested resource');
  try {
    await route(kube, target, req, res, url.searchParams);
  } catch (error) {
    if (error instanceof SelectorError) return sendStatus(res, 400, 'BadRequest', error.message);
    if (error instanceof ConflictError) return sendStatus(res, 409, 'AlreadyExists', error.message);
    sendStatus(res, 500, 'InternalError', (error as Error).message);
  }
}

async function route(
  kube: FakeKube,
  target: ResourcePath,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const { resource, namespace, name, subresource } = target;
  const method = req.method ?? 'GET';
  const selectors = {
    labelSelector: query.get('labelSelector') ?? undefined,
    fieldSelector: query.get('fieldSelector') ?? undefined,
  };
  if (!name) {
    if (method === 'GET' && query.get('watch') === 'true') {
      return watch(kube, resource, namespace, selectors, query, req, res);
    }
    if (method === 'GET') return sendList(res, kube, resource, namespace, selectors);
    if (method === 'POST') {
      const body = (await readJson(req)) as KubeObject;
      body.metadata ??= { name: '' };
      body.metadata.namespace ??= namespace;
      return write(kube, resource, body, query, res, 201);
    }
    if (method === 'DELETE') {
      const doomed = kube.store.list(resource.plural, namespace, selectors);
      for (const object of doomed)
        kube.deleteObject(resource.plural, namespace, object.metadata.name);
      return sendList(res, kube, resource, namespace, selectors, doomed);
    }
    return sendStatus(res, 405, 'MethodNotAllowed', `${method} is not supported here`);
  }
  const current = kube.store.get(resource.plural, namespace, name);
  if (subresource === 'log' && resource.plural === 'pods')
    return sendLog(kube, current, query, res);
  if (subresource === 'exec' || subresource === 'portforward') {
    return sendStatus(res, 400, 'BadRequest', 'Upgrade request required');
  }
  if (method === 'PUT' || method === 'PATCH') {
    if (!current) return notFound(res, resource, name);
    const body = await readJson(req);
    const next =
      method === 'PUT'
        ? body
        : Array.isArray(body)
          ? applyJsonPatch(current, body)
          : mergePatch(current, body);
    return write(kube, resource, next as KubeObject, query, res, 200);
  }
  if (!current) return notFound(res, resource, name);
  if (method === 'GET') return sendJson(res, 200, withType(resource, current));
  if (method === 'DELETE') {
    const grace = query.get('gracePeriodSeconds');
    const result = kube.deleteObject(
      resource.plural,
      namespace,
      name,
      grace === null ? undefined : Number(grace),
    );
    return sendJson(res, 200, withType(resource, result ?? current));
  }
  return sendStatus(res, 405, 'MethodNotAllowed', `${method} is not supported here`);
}

/**
 * Decodes a written object as the API server does (see validation.ts), then stores it, or with
 * `dryRun=All` only answers what would be stored.
 */
async function write(
  kube: FakeKube,
  resource: ResourceType,
  object: KubeObject,
  query: URLSearchParams,
  res: ServerResponse,
  code: 200 | 201,
): Promise<void> {
  const validation = fieldValidationOf(query);
  if (!validation) {
    // Kubernetes 1.29 staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go, fieldValidation.
    return sendStatus(
      res,
      400,
      'BadRequest',
      `fieldValidation parameter unsupported: ${query.get('fieldValidation')}`,
    );
  }
  const decoded = await decodeObject(resource, withType(resource, object), validation);
  if (!decoded.ok) return sendStatus(res, decoded.code, decoded.reason, decoded.message);
  const headers = decoded.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  if (query.get('dryRun') === 'All') return sendJson(res, code, decoded.object, headers);
  const stored =
    code === 201
      ? kube.store.create(resource.plural, decoded.object)
      : kube.store.put(resource.plural, decoded.object);
  return sendJson(res, code, stored, headers);
}

function watch(
  kube: FakeKube,
  resource: ResourceType,
  namespace: string | undefined,
  selectors: { labelSelector?: string; fieldSelector?: string },
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const byLabel = labelMatcher(selectors.labelSelector);
  const byField = fieldMatcher(selectors.fieldSelector);
  res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
  const send = (type: string, object: KubeObject) => {
    if (!res.writableEnded)
      res.write(`${JSON.stringify({ type, object: withType(resource, object) })}\n`);
  };
  const from = query.get('resourceVersion');
  let since = Number(from);
  if (from && from !== '0' && since < kube.store.oldestResourceVersion) {
    // Kubernetes 1.29 staging/src/k8s.io/apiserver/pkg/storage/cacher: getAllEventsSinceLocked
    // returns NewResourceExpired("too old resource version: %d (%d)") and the cacher answers
    // with an errWatcher: HTTP 200, one ERROR event carrying a 410 Status, then the end.
    res.write(
      `${JSON.stringify({
        type: 'ERROR',
        object: statusObject(
          410,
          'Expired',
          `too old resource version: ${since} (${kube.store.oldestResourceVersion})`,
        ),
      })}\n`,
    );
    res.end();
    return;
  }
  if (!from || from === '0') {
    for (const object of kube.store.list(resource.plural, namespace, selectors))
      send('ADDED', object);
    since = kube.store.resourceVersion;
  }
  const stop = kube.store.watch(since, (event) => {
    if (event.plural !== resource.plural) return;
    if (namespace !== undefined && event.object.metadata.namespace !== namespace) return;
    if (!byLabel(event.object) || !byField(event.object)) return;
    send(event.type, event.object);
  });
  // The API server ends every watch after timeoutSeconds, or else after a random share of its
  // --min-request-timeout (1800 s): clients resume from the last resourceVersion they saw.
  const timeout = Number(query.get('timeoutSeconds') ?? 0) * 1000;
  const limit = Math.min(...[timeout, kube.watchCloseAfterMs].filter((ms) => ms > 0));
  const finish = () => {
    stop();
    if (timer) clearTimeout(timer);
  };
  const timer = Number.isFinite(limit)
    ? setTimeout(() => {
        finish();
        res.end();
      }, limit)
    : undefined;
  kube.trackWatch(res, finish);
  req.on('close', finish);
  res.on('close', finish);
}

function sendLog(
  kube: FakeKube,
  pod: KubeObject | undefined,
  query: URLSearchParams,
  res: ServerResponse,
): void {
  if (!pod) return sendStatus(res, 404, 'NotFound', 'pods not found');
  const spec = pod['spec'] as {
    containers?: { name: string }[];
    initContainers?: { name: string }[];
  };
  const containers = (spec.containers ?? []).map((c) => c.name);
  const inits = (spec.initContainers ?? []).map((c) => c.name);
  // Kubernetes 1.29 pkg/registry/core/pod/strategy.go, LogLocation: without `container`, the one
  // regular container (init containers do not count), else a 400 listing the choices.
  const asked = query.get('container');
  if (!asked && containers.length !== 1) {
    const choices = containers.length
      ? `, choose one of: [${containers.join(' ')}]${inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : ''}`
      : '';
    return sendStatus(
      res,
      400,
      'BadRequest',
      `a container name must be specified for pod ${pod.metadata.name}${choices}`,
    );
  }
  const container = asked ?? containers[0];
  if (![...containers, ...inits].includes(container)) {
    return sendStatus(
      res,
      400,
      'BadRequest',
      `container ${container} is not valid for pod ${pod.metadata.name}`,
    );
  }
  const lines = kube.logsOf(pod.metadata.name, container);
  const tail = query.get('tailLines');
  const shown = tail ? lines.slice(-Number(tail)) : lines;
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(shown.map((line) => `${line}\n`).join(''));
}

function sendList(
  res: ServerResponse,
  kube: FakeKube,
  resource: ResourceType,
  namespace: string | undefined,
  selectors: { labelSelector?: string; fieldSelector?: string },
  items = kube.store.list(resource.plural, namespace, selectors),
): void {
  sendJson(res, 200, {
    apiVersion: apiVersionOf(resource),
    kind: `${resource.kind}List`,
    metadata: { resourceVersion: String(kube.store.resourceVersion) },
    items,
  });
}

function withType<T extends KubeObject>(resource: ResourceType, object: T): T {
  return { ...object, apiVersion: apiVersionOf(resource), kind: resource.kind };
}

function notFound(res: ServerResponse, resource: ResourceType, name: string): void {
  sendStatus(res, 404, 'NotFound', `${resource.plural} "${name}" not found`);
}

export function sendStatus(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
): void {
  sendJson(res, code, statusObject(code, reason, message));
}

/** A metav1.Status for a failure, as the API server writes it. */
function statusObject(code: number, reason: string, message: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
}

function sendJson(res: ServerResponse, code: number, body: unknown, warnings: string[] = []): void {
  if (warnings.length > 0) res.setHeader('warning', warnings);
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch) || !isObject(target)) return patch;
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

function applyJsonPatch(target: KubeObject, ops: unknown[]): KubeObject {
  const doc = structuredClone(target) as Record<string, unknown>;
  for (const op of ops as { op: string; path: string; value?: unknown }[]) {
    const keys = op.path
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop() as string;
    let parent: Record<string, unknown> = doc;
    for (const key of keys) {
      parent[key] ??= {};
      parent = parent[key] as Record<string, unknown>;
    }
    if (op.op === 'remove') delete parent[last];
    else parent[last] = op.value;
  }
  return doc as KubeObject;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
