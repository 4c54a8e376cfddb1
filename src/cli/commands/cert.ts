import type { CommandFactory } from '../context.js';
import { certCheckCommand } from './cert-check.js';
import { certGenerateCommand } from './cert-generate.js';
import { certInspectCommand } from './cert-inspect.js';

/** `sfjwt cert`: key pairs and certificates. */
export const certCommand: CommandFactory = (context) => ({
  command: 'cert <command>',
  describe: 'Generate, inspect and check RSA keys and X.509 certificates',
  builder: (yargs) =>
    yargs
      .command(certGenerateCommand(context))
      .command(certInspectCommand(context))
      .command(certCheckCommand(context))
      .demandCommand(1, 'Name a cert command: generate, inspect or check.'),
  handler: () => undefined,
});
