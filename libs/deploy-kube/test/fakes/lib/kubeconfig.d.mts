export function kubeconfigPath(explicit?: string, env?: NodeJS.ProcessEnv): string;
export function contextNames(file: string): string[];
export function resolveContext(
  file: string,
  explicit?: string,
): { name: string; server: string; error?: undefined } | { error: string; name?: undefined };
/** Adds a context (with its cluster and user) unless it exists, and makes it current. */
export function upsertContext(file: string, name: string, server: string): void;
/** Rewrites the cluster entry's server only (minikube's UpdateEndpoint), creating the entry if missing. */
export function setClusterServer(file: string, name: string, server: string): void;
export function removeContext(file: string, name: string): void;
export function useContext(file: string, name: string): void;
