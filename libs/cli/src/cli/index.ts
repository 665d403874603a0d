export { UsageError, type CliContext, type Command, type CommandOption } from './command';
export { main } from './main';
export { COMMANDS } from './registry';
