import { resolveApiUrl } from '@/app/lib/api-url';

/** Validates the server's environment once; a bad value ends the process with one clear line. */
export function checkConfigOrExit(apiUrl: string | undefined = process.env.API_URL): void {
  try {
    resolveApiUrl(apiUrl);
  } catch (error) {
    console.error(`pakaura-frontend: ${(error as Error).message}`);
    process.exit(1);
  }
}
