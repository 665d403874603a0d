#!/usr/local/bin/node
// A minimal curl for the API image, so the task list's checks work as written:
//   kubectl exec -n pakaura deploy/api -- curl -s localhost:8000/api/v1/health
// The image ships no curl (nor any other tool it does not run). This one speaks curl's command
// line for what a health check needs: a GET (or HEAD) of one http(s) URL, the body on stdout,
// curl's exit codes. Any other option is refused by name, so nothing is silently ignored.
import { writeFileSync } from 'node:fs';

const USAGE = `Usage: curl [-s] [-S] [-f] [-i] [-I] [-o FILE] [-m SECONDS] URL
A minimal curl (GET or HEAD of one URL, body to stdout) in the Pakaura API image.
  -s, --silent      no error messages (unless -S)
  -S, --show-error  error messages even with -s
  -f, --fail        exit 22, without the body, when the answer is 400 or more
  -i, --include     print the status line and headers before the body
  -I, --head        HEAD: the status line and headers only
  -o, --output FILE write the body to FILE ("-" for stdout)
  -m, --max-time S  give up after S seconds (default 30)
  -V, --version     this tool's version`;

/** curl's own exit codes for the failures this client can meet (man curl, EXIT CODES). */
const EXIT = { usage: 2, url: 3, resolve: 6, connect: 7, write: 23, http: 22, timeout: 28 };

const SHORT = {
  s: 'silent',
  S: 'showError',
  f: 'fail',
  i: 'include',
  I: 'head',
  V: 'version',
  h: 'help',
};
const LONG = {
  '--silent': 'silent',
  '--show-error': 'showError',
  '--fail': 'fail',
  '--include': 'include',
  '--head': 'head',
  '--version': 'version',
  '--help': 'help',
};
const WITH_VALUE = { o: 'output', '--output': 'output', m: 'maxTime', '--max-time': 'maxTime' };

class UsageError extends Error {}

/** curl's options into a plain object; throws UsageError naming what it does not know. */
function parseArgs(argv) {
  const options = { maxTime: 30 };
  const urls = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.split(/=(.*)/s);
      if (LONG[name]) options[LONG[name]] = true;
      else if (WITH_VALUE[name]) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`option ${name}: requires a value`);
        options[WITH_VALUE[name]] = value;
      } else throw new UsageError(`option ${name}: is unknown to this minimal curl`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j += 1) {
        const flag = arg[j];
        if (SHORT[flag]) options[SHORT[flag]] = true;
        else if (WITH_VALUE[flag]) {
          const value = arg.slice(j + 1) || argv[++i];
          if (value === undefined) throw new UsageError(`option -${flag}: requires a value`);
          options[WITH_VALUE[flag]] = value;
          break;
        } else throw new UsageError(`option -${flag}: is unknown to this minimal curl`);
      }
    } else urls.push(arg);
  }
  if (options.help || options.version) return { options, url: undefined };
  if (urls.length !== 1)
    throw new UsageError(urls.length ? 'give one URL only' : 'no URL specified');
  const seconds = Number(options.maxTime);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`option --max-time: "${options.maxTime}" is not a positive number`);
  }
  options.maxTime = seconds;
  return { options, url: urls[0] };
}

/** A URL as curl reads one: no scheme means http. */
function normalizeUrl(raw) {
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`protocol "${url.protocol.slice(0, -1)}" not supported`);
  }
  return url;
}

function exitCodeOf(error) {
  if (error.name === 'TimeoutError') return EXIT.timeout;
  const code = error.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return EXIT.resolve;
  return EXIT.connect;
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`curl: ${error.message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { options, url: raw } = parsed;
  if (options.help || options.version) {
    process.stdout.write(
      options.help ? `${USAGE}\n` : `curl (Pakaura minimal, node ${process.version})\n`,
    );
    return 0;
  }
  const complain = (message) => {
    if (!options.silent || options.showError) process.stderr.write(`curl: ${message}\n`);
  };

  let url;
  try {
    url = normalizeUrl(raw);
  } catch (error) {
    complain(`(${EXIT.url}) URL rejected: ${error.message}`);
    return EXIT.url;
  }
  let response;
  try {
    response = await fetch(url, {
      method: options.head ? 'HEAD' : 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.maxTime * 1000),
    });
  } catch (error) {
    const code = exitCodeOf(error);
    complain(
      code === EXIT.timeout
        ? `(${code}) Operation timed out after ${options.maxTime * 1000} milliseconds`
        : `(${code}) Failed to connect to ${url.host}: ${error.cause?.message ?? error.message}`,
    );
    return code;
  }
  if (options.fail && response.status >= 400) {
    complain(`(${EXIT.http}) The requested URL returned error: ${response.status}`);
    return EXIT.http;
  }
  const head = [`HTTP/1.1 ${response.status} ${response.statusText}`];
  response.headers.forEach((value, name) => head.push(`${name}: ${value}`));
  const body = Buffer.from(await response.arrayBuffer());
  const out = [];
  if (options.include || options.head) out.push(Buffer.from(`${head.join('\r\n')}\r\n\r\n`));
  if (!options.head) out.push(body);
  try {
    if (options.output && options.output !== '-') writeFileSync(options.output, Buffer.concat(out));
    else process.stdout.write(Buffer.concat(out));
  } catch (error) {
    complain(`(${EXIT.write}) Failure writing output: ${error.message}`);
    return EXIT.write;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
