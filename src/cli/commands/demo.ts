import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';

/** `sfjwt demo`: the main job end to end on the embedded emulator. */
export const demoCommand: CommandFactory = (context) => ({
  command: 'demo',
  describe: 'Generate a key pair, start the emulator, get a token through the JWT bearer flow, call userinfo',
  builder: (yargs) => yargs,
  handler: () =>
    runHandler(context, false, async () => {
      const { runDemo } = await import('../../demo/run-demo.js');
      const { io } = context;
      io.stdout('sfjwt demo: the JWT bearer flow against the embedded Salesforce emulator; no password is sent.\n');
      const result = await runDemo((line) => io.stdout(`${line}\n`));
      io.stdout(`Success: ${result.username} obtained an access token with a signed assertion and no password.\n`);
      return 0;
    }),
});
