import { lookup } from 'node:dns/promises';
import type { V1Ingress, V1IngressRule } from '@kubernetes/client-node';
import { K8S_NAMES } from '@pakaura/contract';
import { listIngresses } from '@pakaura/deploy-kube/kube';
import { httpRequest } from '../verify/http';
import { ingressEntry } from './ingress-entry';
import type { OpenAppOptions } from './open-app';

/**
 * The app's URL through the Ingress, when that URL works from here: the ingress controller
 * answers at the address the provider and platform give (see ingressEntry), and the Ingress's
 * host name resolves to that address, as a browser needs. Otherwise undefined, with the reason
 * and the fix added to `notes`.
 */
export async function throughIngress(
  options: OpenAppOptions,
  notes: string[],
): Promise<{ url: string; via: 'ingress'; how: string } | undefined> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const ingress = (await listIngresses(options.kc, options.namespace)).find(routesToFrontend);
  if (!ingress) {
    notes.push(`No Ingress routes to the frontend (the chart's ingress is off).`);
    return undefined;
  }
  const name = ingress.metadata?.name ?? K8S_NAMES.ingress;
  const entry = await ingressEntry(ingress, options.cluster, options.platform ?? process.platform);
  if (entry.address === undefined) {
    notes.push(`Not through Ingress ${name}: ${entry.why}.`);
    return undefined;
  }
  const host = ingress.spec?.rules?.find(routesToFrontendRule)?.host;
  const port = options.ingressPort ?? 80;
  const silent = await httpRequest(`http://${bracketed(entry.address)}:${port}/`, {
    headers: host ? { host } : {},
    timeoutMs,
  }).then(
    (response) => (response.status < 400 ? undefined : `it answered ${response.status}`),
    (error: Error) => error.message,
  );
  if (silent) {
    notes.push(
      `Not through Ingress ${name}: nothing serves ${host ?? 'it'} at ${entry.address}:${port} (${silent}). ${entry.whenSilent}`,
    );
    return undefined;
  }
  if (host && !(await resolvesTo(host, entry.address, timeoutMs))) {
    notes.push(
      `Not through Ingress ${name}: ${host} does not resolve to ${entry.address} on this machine. To open http://${host}/ instead, map the name once: echo "${entry.address} ${host}" | sudo tee -a /etc/hosts`,
    );
    return undefined;
  }
  const tls = (ingress.spec?.tls ?? []).some((t) => !host || (t.hosts ?? []).includes(host));
  const authority = `${host ?? bracketed(entry.address)}${port === 80 ? '' : `:${port}`}`;
  return {
    url: `${tls ? 'https' : 'http'}://${authority}/`,
    via: 'ingress',
    how: `Ingress ${name} through ${entry.via}`,
  };
}

function routesToFrontendRule(rule: V1IngressRule): boolean {
  return (rule.http?.paths ?? []).some(
    (path) => path.path === '/' && path.backend.service?.name === K8S_NAMES.frontend,
  );
}

function routesToFrontend(ingress: V1Ingress): boolean {
  return (ingress.spec?.rules ?? []).some(routesToFrontendRule);
}

/** A browser connects to `host` where the system resolver sends it: is that `address`? */
async function resolvesTo(host: string, address: string, timeoutMs: number): Promise<boolean> {
  if (host === address) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<[]>((resolve) => {
    timer = setTimeout(() => resolve([]), timeoutMs);
  });
  const found = await Promise.race([lookup(host, { all: true }).catch(() => []), timeout]);
  clearTimeout(timer);
  return found.some(
    (entry) => entry.address === address || (loopback(address) && loopback(entry.address)),
  );
}

function loopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address === 'localhost';
}

function bracketed(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
