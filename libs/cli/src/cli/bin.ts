import { main } from './main';

// The entry the `pakaura` bin runs (libs/cli/package.json), bundled by `nx run cli:build`.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
