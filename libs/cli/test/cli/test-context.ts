import type { CliContext } from '../../src/cli/command';

/** A CliContext for tests: output captured, no colours, nobody to ask, Nx calls recorded. */
export function testContext(overrides: Partial<CliContext> = {}): Partial<CliContext> & {
  lines: string[];
  errors: string[];
  nxCalls: string[][];
} {
  const lines: string[] = [];
  const errors: string[] = [];
  const nxCalls: string[][] = [];
  return {
    lines,
    errors,
    nxCalls,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    color: false,
    interactive: false,
    confirm: async () => false,
    browse: async () => {
      throw new Error('a test opened a browser without saying how');
    },
    nx: async (args) => {
      nxCalls.push([...args]);
      return 0;
    },
    ...overrides,
  };
}
