/** Options of the `helm-lint` executor, as written in project.json or on the command line. */
export interface HelmLintExecutorSchema {
  chartDir?: string;
  helmMajor?: 3 | 4;
  variants?: string[];
  release?: string;
  namespace?: string;
  serverDryRun?: 'never' | 'server';
  context?: string;
}
