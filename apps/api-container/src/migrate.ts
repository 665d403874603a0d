import { runMigrateCommand } from './commands/migrate-command';
import { oneLineError } from './db/errors';
import { findMigrationsFolder } from './db/migrations';

/** Entry point of `node migrate.js` (see README): one line of output per step, exit 1 on failure. */
async function main(): Promise<void> {
  await runMigrateCommand(
    process.argv.slice(2),
    process.env,
    findMigrationsFolder(__dirname),
    (line) => console.log(line),
  );
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${oneLineError(error)}`);
  process.exitCode = 1;
});
