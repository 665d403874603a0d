export interface AssembleOptions {
  /** The Next.js app's folder, holding `.next/standalone`, `.next/static` and `public`. */
  appDir: string;
  workspaceRoot: string;
  /** Where the runnable server is assembled; replaced if it exists. */
  outDir: string;
}

export function assembleStandalone(options: AssembleOptions): string;
