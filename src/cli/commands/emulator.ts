import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';

/** Options of `sfjwt emulator`. */
export interface EmulatorArgs {
  port: number;
  host: string;
  config?: string;
  'app-cert'?: string;
  metadata?: string;
  user?: string[];
  profile: string;
  'consumer-key'?: string;
  'org-type': 'production' | 'sandbox';
  'session-timeout': number;
  quiet: boolean;
  json: boolean;
}

/** `sfjwt emulator`: a local Salesforce token endpoint for offline work and tests. */
export const emulatorCommand: CommandFactory = (context) => ({
  command: 'emulator',
  describe: 'Run a local emulator of the Salesforce token endpoint on 127.0.0.1',
  builder: (yargs) =>
    yargs
      .option('port', { type: 'number', default: 0, describe: 'Port to listen on; 0 picks a free one' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to bind' })
      .option('config', { type: 'string', describe: 'JSON file with org, apps and users (see docs/emulator.md)' })
      .option('app-cert', { type: 'string', describe: 'Register one app with this PEM certificate' })
      .option('metadata', { type: 'string', describe: 'Register the apps of a metadata folder written by `sfjwt setup` (or retrieved)' })
      .option('user', { type: 'string', array: true, describe: 'Register a user with this username (repeatable)' })
      .option('profile', { type: 'string', default: 'Integration User', describe: 'Profile of --user users, assigned to the --app-cert app' })
      .option('consumer-key', { type: 'string', describe: 'Consumer key of the --app-cert app', defaultDescription: 'generated' })
      .option('org-type', { choices: ['production', 'sandbox'] as const, default: 'production' as const, describe: 'Org type; decides the accepted audience' })
      .option('session-timeout', { type: 'number', default: 7200, describe: 'Session timeout in seconds' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Do not log requests' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the start-up summary as JSON' }),
  handler: (args) =>
    runHandler(context, args.json === true, async () => {
      const { runEmulator } = await import('../handlers/emulator.js');
      return runEmulator(args as unknown as EmulatorArgs, context.io);
    }),
});
