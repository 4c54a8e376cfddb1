import type { CommandFactory } from '../context.js';

/** `sfjwt cert`: key pairs and certificates. */
export const certCommand: CommandFactory = () => ({
  command: 'cert <command>',
  describe: 'Generate, inspect and check RSA keys and X.509 certificates',
  builder: (yargs) => yargs.demandCommand(1),
  handler: () => undefined,
});
