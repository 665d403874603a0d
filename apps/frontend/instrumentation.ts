/** Runs once when the server starts: a bad API_URL stops it with one line instead of 500s later. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigOrExit } = await import('./app/lib/check-config');
    checkConfigOrExit();
  }
}
