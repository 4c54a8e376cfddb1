import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';
import { withJwtOptions, type JwtArgs } from '../jwt-options.js';

interface TokenArgs extends JwtArgs {
  'show-token'?: boolean;
  'assertion-file'?: string;
}

/** `sfjwt token`: sign an assertion and exchange it for an access token. */
export const tokenCommand: CommandFactory = (context) => ({
  command: 'token',
  describe: 'Obtain an access token through the JWT bearer flow (no password is sent)',
  builder: (yargs) =>
    withJwtOptions(yargs)
      .option('show-token', {
        type: 'boolean',
        default: false,
        describe: 'Print the access token itself (it is redacted otherwise)',
      })
      .option('assertion-file', {
        type: 'string',
        describe: 'Exchange the signed JWT in this file instead of signing one (no key needed)',
      }),
  handler: (args) =>
    runHandler(context, args.json === true, async () => {
      const { runToken } = await import('../handlers/token.js');
      return runToken(args as TokenArgs, context.io);
    }),
});
