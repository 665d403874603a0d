import type { Command } from '../command';
import { configurationArgs } from '../nx';

export const build: Command = {
  name: 'build',
  summary: "Build the apps and their images into the cluster's Docker daemon",
  usage: 'pakaura build [--configuration <env>]',
  description:
    'Runs every image target (nx run-many -t image): builds the apps, then each image with its content tag into the target of the environment (minikube by default). An image whose tag is already there is not rebuilt.',
  options: {
    configuration: {
      type: 'string',
      short: 'c',
      valueName: 'env',
      description: 'Where the images go: minikube (default), kind, docker or registry.',
    },
  },
  run: (options, _positionals, context) =>
    context.nx(['run-many', '-t', 'image', ...configurationArgs(options['configuration'])]),
};
