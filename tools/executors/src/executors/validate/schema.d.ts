/** Options of the `validate` executor, as written in project.json or on the command line. */
export interface ValidateExecutorSchema {
  manifestsDir?: string;
  kustomize?: boolean;
  serverDryRun?: 'never' | 'server';
  context?: string;
  namespace?: string;
}
