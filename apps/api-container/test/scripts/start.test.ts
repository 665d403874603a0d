import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the root `npm start` script belongs to no project; this one owns and tests it
import { formatLine, startServices } from '../../../../scripts/start.mjs';

/** A child that says it listens, then waits; on SIGTERM it says goodbye and exits 0. */
const server = (url: string) => `
  process.on('SIGTERM', () => process.stdout.write('bye from ' + process.pid + '\\n', () => process.exit(0)));
  console.log('upstream=' + (process.env.UPSTREAM ?? 'none'));
  console.log(JSON.stringify({ level: 30, msg: 'Server listening at ${url}' }));
  setInterval(() => {}, 1000);
`;

const service = (
  name: string,
  code: string,
  env: (urls: Record<string, string>) => Record<string, string> = () => ({}),
) => ({
  name,
  build: name,
  command: process.execPath,
  args: ['-e', code],
  env,
  ready: /Server listening at (http:\/\/[^\s"]+)/,
});

describe('npm start supervisor', () => {
  it('shortens pino lines to level, message, request and response', () => {
    const completed = {
      level: 30,
      msg: 'request completed',
      method: 'GET',
      url: '/api/v1/tasks',
      statusCode: 200,
      responseTime: 3.4,
    };
    expect(formatLine(JSON.stringify(completed))).toBe(
      'INFO  request completed GET /api/v1/tasks 200 3 ms',
    );
    const incoming = {
      level: 20,
      msg: 'incoming request',
      req: { method: 'POST', url: '/api/v1/chat' },
    };
    expect(formatLine(JSON.stringify(incoming))).toBe('DEBUG incoming request POST /api/v1/chat');
    expect(
      stripVTControlCharacters(formatLine(JSON.stringify({ level: 40, msg: 'careful' }))),
    ).toBe('WARN  careful');
    expect(formatLine('plain text stays')).toBe('plain text stays');
    expect(formatLine('{not json')).toBe('{not json');
  });

  it('starts services in order, hands each the URLs before it, prefixes their lines and stops them all', async () => {
    const lines: string[] = [];
    const { url, stop } = await startServices(
      [
        service('api', server('http://127.0.0.1:18001')),
        service('web', server('http://127.0.0.1:18002'), (urls) => ({ UPSTREAM: urls.api })),
      ],
      { print: (line: string) => lines.push(line) },
    );
    expect(url).toBe('http://127.0.0.1:18002');
    const plain = lines.map(stripVTControlCharacters);
    expect(plain).toContain('[api] INFO  Server listening at http://127.0.0.1:18001');
    expect(plain).toContain('[web] upstream=http://127.0.0.1:18001');
    await stop();
    const goodbyes = lines
      .filter((line) => line.includes('bye from'))
      .map(stripVTControlCharacters);
    expect(goodbyes.map((line) => line.slice(0, 5))).toEqual(['[web]', '[api]']);
  });

  it('fails with the service’s name when it exits before it is ready, stopping those already started', async () => {
    const lines: string[] = [];
    await expect(
      startServices(
        [
          service('api', server('http://127.0.0.1:18003')),
          service('web', 'console.error("port taken"); process.exit(3)'),
        ],
        {
          print: (line: string) => lines.push(line),
        },
      ),
    ).rejects.toThrow('web exited with code 3 before it was ready; its output is above');
    expect(lines.some((line) => line.includes('port taken'))).toBe(true);
    expect(lines.some((line) => line.includes('bye from'))).toBe(true);
  });

  it('stops the services already started when it is told to stop before the last is ready', async () => {
    const lines: string[] = [];
    const controller = new AbortController();
    const starting = startServices(
      [
        service('api', server('http://127.0.0.1:18005')),
        // Never ready: the start-up is still waiting for it when the stop comes.
        service('web', 'console.log("compiling"); setInterval(() => {}, 1000);'),
      ],
      {
        signal: controller.signal,
        print: (line: string) => {
          lines.push(line);
          if (line.includes('compiling')) controller.abort(new Error('stopped by SIGTERM'));
        },
      },
    );
    await expect(starting).rejects.toThrow('stopped by SIGTERM');
    const goodbyes = lines.filter((line) => line.includes('bye from'));
    expect(goodbyes.map((line) => stripVTControlCharacters(line).slice(0, 5))).toEqual(['[api]']);
  });

  it('reports a child that stops on its own after it was ready', async () => {
    const { exited, stop } = await startServices(
      [
        service(
          'api',
          `${server('http://127.0.0.1:18004')}; setTimeout(() => process.exit(7), 200);`,
        ),
      ],
      { print: () => undefined },
    );
    expect(await exited).toBe('api exited with code 7');
    await stop();
  });
});
