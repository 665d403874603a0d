import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';

export { kubeconfigPath } from './kubeconfig-path.mjs';

export function readKubeconfig(file) {
  if (!existsSync(file)) return emptyKubeconfig();
  const parsed = parse(readFileSync(file, 'utf8')) ?? {};
  return { ...emptyKubeconfig(), ...parsed };
}

export function contextNames(file) {
  return (readKubeconfig(file).contexts ?? []).map((c) => c.name);
}

/** The context a command talks to: the explicit one, else the kubeconfig's current context. */
export function resolveContext(file, explicit) {
  const config = readKubeconfig(file);
  const name = explicit ?? config['current-context'];
  if (!name) return { error: 'current-context is not set' };
  const context = (config.contexts ?? []).find((c) => c.name === name);
  if (!context) return { error: `context "${name}" does not exist` };
  const cluster = (config.clusters ?? []).find((c) => c.name === context.context?.cluster);
  return { name, server: cluster?.cluster?.server ?? '' };
}

/**
 * Adds a cluster, user and context named `name` and makes it current, as `minikube start` does. An
 * existing context is kept as it is (only made current), so a test can point it at a fake API
 * server beforehand and keep it across a fake `minikube start`.
 */
export function upsertContext(file, name, server) {
  const config = readKubeconfig(file);
  if ((config.contexts ?? []).some((c) => c.name === name)) {
    config['current-context'] = name;
    writeKubeconfig(file, config);
    return;
  }
  const without = (list) => (list ?? []).filter((entry) => entry.name !== name);
  config.clusters = [...without(config.clusters), { name, cluster: { server } }];
  config.users = [...without(config.users), { name, user: { token: `fake-token-${name}` } }];
  config.contexts = [
    ...without(config.contexts),
    { name, context: { cluster: name, user: name, namespace: 'default' } },
  ];
  config['current-context'] = name;
  writeKubeconfig(file, config);
}

/**
 * Points the cluster entry `name` at `server` and makes its context current, keeping the rest of
 * the entry (credentials, TLS settings) as minikube's UpdateEndpoint does
 * (pkg/minikube/kubeconfig/kubeconfig.go: only `Clusters[name].Server` is rewritten); a missing
 * entry is created with its context.
 */
export function setClusterServer(file, name, server) {
  const config = readKubeconfig(file);
  const entry = (config.clusters ?? []).find((c) => c.name === name);
  const context = (config.contexts ?? []).find((c) => c.name === name);
  if (!entry || !context) {
    removeContext(file, name);
    upsertContext(file, name, server);
    return;
  }
  entry.cluster = { ...entry.cluster, server };
  context.context = { ...context.context, cluster: name };
  config['current-context'] = name;
  writeKubeconfig(file, config);
}

export function removeContext(file, name) {
  const config = readKubeconfig(file);
  const without = (list) => (list ?? []).filter((entry) => entry.name !== name);
  config.clusters = without(config.clusters);
  config.users = without(config.users);
  config.contexts = without(config.contexts);
  if (config['current-context'] === name) config['current-context'] = '';
  writeKubeconfig(file, config);
}

export function useContext(file, name) {
  const config = readKubeconfig(file);
  config['current-context'] = name;
  writeKubeconfig(file, config);
}

function writeKubeconfig(file, config) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, stringify(config));
}

function emptyKubeconfig() {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [],
    users: [],
    contexts: [],
    'current-context': '',
  };
}
