import { UsageError, type Command } from '../command';

export const help: Command = {
  name: 'help',
  summary: 'Show the commands, or the options of one',
  usage: 'pakaura help [command]',
  description: 'Without a command, lists every command; with one, shows its usage and options.',
  positionals: { name: 'command', description: 'The command to explain.' },
  options: {},
  async run(_options, positionals, context) {
    const [name] = positionals;
    if (!name) {
      context.out('pakaura: deploy Pakaura to a local Kubernetes cluster, and look after it.');
      context.out('');
      context.out(
        'Usage: pakaura <command> [options]   (or: npx pakaura, bash scripts/ai-deploy.sh)',
      );
      context.out('');
      context.out('Commands:');
      const width = Math.max(...context.commands.map((c) => c.name.length));
      for (const command of context.commands)
        context.out(`  ${command.name.padEnd(width)}  ${command.summary}`);
      context.out('');
      context.out('Run "pakaura help <command>" for its options.');
      return 0;
    }
    const command = context.commands.find((c) => c.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    context.out(`Usage: ${command.usage}`);
    context.out('');
    context.out(command.description);
    if (command.positionals) {
      context.out('');
      context.out(`  <${command.positionals.name}>  ${command.positionals.description}`);
    }
    const options = Object.entries(command.options);
    if (options.length > 0) {
      context.out('');
      context.out('Options:');
      const labels = options.map(
        ([key, o]) =>
          `${o.short ? `-${o.short}, ` : '    '}--${key}${o.type === 'string' ? ` <${o.valueName ?? 'value'}>` : ''}`,
      );
      const width = Math.max(...labels.map((l) => l.length));
      options.forEach(([, o], i) => context.out(`  ${labels[i].padEnd(width)}  ${o.description}`));
    }
    return 0;
  },
};
