import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { flag, flagAll, hasFlag } from '../lib/args.mjs';
import { reachableContext } from './kubectl.mjs';

export const DEFAULT_VERSION = 'v3.16.2';
export const REAL_HELM_ENV = 'PAKAURA_FAKE_REAL_HELM';
/** Commands that never touch a cluster: the real helm does them. */
const OFFLINE = new Set(['lint', 'template', 'show', 'package', 'dependency', 'create', 'env']);

export const spec = {
  values: [
    'namespace',
    'kube-context',
    'kubeconfig',
    'output',
    'set',
    'set-string',
    'set-file',
    'values',
    'timeout',
    'description',
    'version',
    'template',
    'history-max',
    'max',
  ],
  aliases: { '-n': 'namespace', '-o': 'output', '-f': 'values' },
};

/** `helm upgrade` applies its own injected delay (the --wait) and failure (a failed rollout). */
export function handlesKnobs(parsed) {
  return parsed.positionals[0] === 'upgrade' || parsed.positionals[0] === 'install';
}

export async function run(ctx) {
  const [command, sub, name] = ctx.parsed.positionals;
  if (command === 'version') return version(ctx);
  if (OFFLINE.has(command)) return passThrough(ctx);
  const context = reachableContext(ctx, flag(ctx.parsed, 'kube-context')).name;
  const namespace = flag(ctx.parsed, 'namespace', 'default');
  if (command === 'status') return status(ctx, context, namespace, sub);
  if (command === 'history') return history(ctx, context, namespace, sub);
  if (command === 'list' || command === 'ls') return list(ctx, context, namespace);
  if (command === 'get' && sub === 'values') return getValues(ctx, context, namespace, name);
  if (command === 'uninstall' || command === 'delete')
    return uninstall(ctx, context, namespace, sub);
  if (command === 'upgrade') return upgrade(ctx, context, namespace, sub, name);
  ctx.fail(2, `fake helm: unsupported command: helm ${ctx.argv.join(' ')}`);
}

function version(ctx) {
  const v = ctx.config.versions?.helm ?? DEFAULT_VERSION;
  const data = { Version: v, GitCommit: 'fake000', GitTreeState: 'clean', GoVersion: 'go1.22.7' };
  const template = flag(ctx.parsed, 'template');
  if (template) ctx.out(template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, key) => data[key] ?? ''));
  else if (hasFlag(ctx.parsed, 'short')) ctx.out(`${v}+gfake000`);
  else
    ctx.out(
      `version.BuildInfo{Version:"${v}", GitCommit:"fake000", GitTreeState:"clean", GoVersion:"go1.22.7"}`,
    );
  return 0;
}

function current(ctx, context, namespace, name) {
  const release = ctx.state.release(context, namespace, name);
  return release?.revisions.at(-1);
}

function status(ctx, context, namespace, name) {
  const revision = current(ctx, context, namespace, name);
  if (!revision) ctx.fail(1, 'Error: release: not found');
  if (flag(ctx.parsed, 'output') === 'json') ctx.out(JSON.stringify(revision));
  else ctx.out(summary(revision));
  return 0;
}

function history(ctx, context, namespace, name) {
  const release = ctx.state.release(context, namespace, name);
  if (!release) ctx.fail(1, 'Error: release: not found');
  const rows = release.revisions.map((r) => ({
    revision: r.version,
    updated: r.info.last_deployed,
    status: r.info.status,
    chart: `${r.chart.metadata.name}-${r.chart.metadata.version}`,
    app_version: r.chart.metadata.appVersion,
    description: r.info.description,
  }));
  if (flag(ctx.parsed, 'output') === 'json') ctx.out(JSON.stringify(rows));
  else
    rows.forEach((r) =>
      ctx.out(
        `${r.revision}\t${r.updated}\t${r.status}\t${r.chart}\t${r.app_version}\t${r.description}`,
      ),
    );
  return 0;
}

function list(ctx, context, namespace) {
  const all = hasFlag(ctx.parsed, 'all-namespaces') || hasFlag(ctx.parsed, 'A');
  const rows = ctx.state.releases(context, all ? undefined : namespace).map(({ revisions }) => {
    const r = revisions.at(-1);
    return {
      name: r.name,
      namespace: r.namespace,
      revision: String(r.version),
      updated: r.info.last_deployed,
      status: r.info.status,
      chart: `${r.chart.metadata.name}-${r.chart.metadata.version}`,
      app_version: r.chart.metadata.appVersion,
    };
  });
  if (flag(ctx.parsed, 'output') === 'json') ctx.out(JSON.stringify(rows));
  else
    rows.forEach((r) =>
      ctx.out(
        `${r.name}\t${r.namespace}\t${r.revision}\t${r.updated}\t${r.status}\t${r.chart}\t${r.app_version}`,
      ),
    );
  return 0;
}

function getValues(ctx, context, namespace, name) {
  const revision = current(ctx, context, namespace, name);
  if (!revision) ctx.fail(1, 'Error: release: not found');
  ctx.out(JSON.stringify(revision.config));
  return 0;
}

function uninstall(ctx, context, namespace, name) {
  if (!ctx.state.release(context, namespace, name)) {
    ctx.fail(1, `Error: uninstall: Release not loaded: ${name}: release: not found`);
  }
  ctx.state.deleteRelease(context, namespace, name);
  ctx.out(`release "${name}" uninstalled`);
  return 0;
}

async function upgrade(ctx, context, namespace, name, chartPath) {
  const chart = readChart(ctx, chartPath);
  const existing = ctx.state.release(context, namespace, name);
  const install = !existing;
  if (install && !hasFlag(ctx.parsed, 'install')) {
    ctx.fail(1, `Error: UPGRADE FAILED: "${name}" has no deployed releases`);
  }
  if (install && !ctx.state.namespaces(context).includes(namespace)) {
    if (!hasFlag(ctx.parsed, 'create-namespace')) {
      ctx.fail(
        1,
        `Error: INSTALLATION FAILED: create: failed to create: namespaces "${namespace}" not found`,
      );
    }
    ctx.state.createNamespace(context, namespace);
  }
  const now = new Date().toISOString();
  const revisions = existing?.revisions ?? [];
  const revision = {
    name,
    namespace,
    version: (revisions.at(-1)?.version ?? 0) + 1,
    info: {
      first_deployed: revisions[0]?.info.first_deployed ?? now,
      last_deployed: now,
      deleted: '',
      description: install ? 'Initial install underway' : 'Preparing upgrade',
      status: install ? 'pending-install' : 'pending-upgrade',
      notes: '',
    },
    chart: { metadata: chart },
    config: suppliedValues(ctx),
    manifest: '',
  };
  const save = (list) => ctx.state.saveRelease(context, { name, namespace, revisions: list });
  save([...revisions, revision]);
  if (install) ctx.out(`Release "${name}" does not exist. Installing it now.`);

  const rollback = hasFlag(ctx.parsed, 'atomic') || hasFlag(ctx.parsed, 'rollback-on-failure');
  const fail = (message) => {
    const failed = {
      ...revision,
      info: {
        ...revision.info,
        status: 'failed',
        description: `${install ? 'Release' : 'Upgrade'} "${name}" failed: ${message}`,
      },
    };
    const phase = install ? 'INSTALLATION FAILED' : 'UPGRADE FAILED';
    if (rollback && install) {
      ctx.state.deleteRelease(context, namespace, name);
      return `Error: ${phase}: release ${name} failed, and has been uninstalled due to atomic being set: ${message}`;
    }
    if (rollback) {
      const target = [...revisions]
        .reverse()
        .find((r) => ['deployed', 'superseded'].includes(r.info.status));
      const restored = {
        ...target,
        version: revision.version + 1,
        info: {
          ...target.info,
          last_deployed: new Date().toISOString(),
          status: 'deployed',
          description: `Rollback to ${target.version}`,
        },
      };
      save([...revisions.map(supersede), failed, restored]);
      return `Error: ${phase}: release ${name} failed, and has been rolled back due to atomic being set: ${message}`;
    }
    save([...revisions, failed]);
    return `Error: ${phase}: ${message}`;
  };

  if (hasFlag(ctx.parsed, 'wait') || rollback) {
    ctx.onSignal = async () => {
      ctx.err(fail('context canceled'));
      return 1;
    };
    await ctx.sleep(ctx.delayMs());
    ctx.onSignal = undefined;
  }
  const failure = ctx.failure();
  if (failure) ctx.fail(failure.exitCode ?? 1, fail(failure.stderr ?? 'injected failure'));

  const deployed = {
    ...revision,
    info: {
      ...revision.info,
      status: 'deployed',
      description:
        flag(ctx.parsed, 'description') ?? (install ? 'Install complete' : 'Upgrade complete'),
    },
  };
  save([...revisions.map(supersede), deployed]);
  if (!install) ctx.out(`Release "${name}" has been upgraded. Happy Helming!`);
  ctx.out(summary(deployed));
  return 0;
}

function supersede(revision) {
  return revision.info.status === 'deployed'
    ? { ...revision, info: { ...revision.info, status: 'superseded' } }
    : revision;
}

function summary(r) {
  return [
    `NAME: ${r.name}`,
    `LAST DEPLOYED: ${new Date(r.info.last_deployed).toUTCString()}`,
    `NAMESPACE: ${r.namespace}`,
    `STATUS: ${r.info.status}`,
    `REVISION: ${r.version}`,
    'TEST SUITE: None',
  ].join('\n');
}

function readChart(ctx, chartPath) {
  const file = join(resolve(chartPath ?? ''), 'Chart.yaml');
  if (!chartPath || !existsSync(file)) ctx.fail(1, `Error: path "${chartPath}" not found`);
  const metadata = parse(readFileSync(file, 'utf8'));
  return {
    name: metadata.name,
    version: String(metadata.version),
    appVersion: String(metadata.appVersion ?? ''),
    apiVersion: metadata.apiVersion,
  };
}

/** The values a user supplied (-f files, then --set and --set-string), as helm stores them on the release. */
function suppliedValues(ctx) {
  let values = {};
  for (const file of flagAll(ctx.parsed, 'values')) {
    if (!existsSync(file)) ctx.fail(1, `Error: open ${file}: no such file or directory`);
    values = deepMerge(values, parse(readFileSync(file, 'utf8')) ?? {});
  }
  for (const [flagName, typed] of [
    ['set', true],
    ['set-string', false],
  ]) {
    for (const assignment of flagAll(ctx.parsed, flagName)) {
      for (const pair of splitUnescaped(assignment, ',')) {
        const eq = pair.indexOf('=');
        if (eq < 0)
          ctx.fail(1, `Error: failed parsing --${flagName} data: key "${pair}" has no value`);
        setPath(
          values,
          pair.slice(0, eq).split('.'),
          coerce(pair.slice(eq + 1).replace(/\\(.)/g, '$1'), typed),
        );
      }
    }
  }
  return values;
}

function coerce(text, typed) {
  if (!typed) return text;
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  if (/^-?(0|[1-9]\d*)$/.test(text)) return Number(text);
  return text;
}

function setPath(target, keys, value) {
  const last = keys.pop();
  const parent = keys.reduce((node, key) => (node[key] ??= {}), target);
  parent[last] = value;
}

function deepMerge(base, overlay) {
  const out = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const isObject = value && typeof value === 'object' && !Array.isArray(value);
    out[key] =
      isObject && out[key] && typeof out[key] === 'object' ? deepMerge(out[key], value) : value;
  }
  return out;
}

function splitUnescaped(text, separator) {
  const parts = [''];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) parts[parts.length - 1] += text[i] + text[++i];
    else if (text[i] === separator) parts.push('');
    else parts[parts.length - 1] += text[i];
  }
  return parts;
}

function passThrough(ctx) {
  const real = ctx.env[REAL_HELM_ENV];
  if (!real)
    ctx.fail(2, `fake helm: set ${REAL_HELM_ENV} to run "helm ${ctx.argv.join(' ')}" offline`);
  return spawnSync(real, ctx.argv, { stdio: 'inherit' }).status ?? 1;
}
