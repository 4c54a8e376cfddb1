import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';

/** Options of `sfjwt broker`. */
export interface BrokerArgs {
  config?: string;
  port?: number;
  host?: string;
  quiet: boolean;
  json: boolean;
}

/** `sfjwt broker`: a local password-grant endpoint that mints tokens through the JWT bearer flow. */
export const brokerCommand: CommandFactory = (context) => ({
  command: 'broker',
  describe: 'Serve password-grant token requests of legacy tools with JWT bearer tokens, on 127.0.0.1',
  builder: (yargs) =>
    yargs
      .option('config', {
        type: 'string',
        describe: 'JSON file mapping client ids and usernames to JWT settings (see docs/cli.md)',
      })
      .option('port', { type: 'number', describe: 'Port to listen on; 0 picks a free one', defaultDescription: 'config port, else 0' })
      .option('host', { type: 'string', describe: 'Address to bind', defaultDescription: 'config host, else 127.0.0.1' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Do not log requests' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the start-up summary as JSON' }),
  handler: (args) =>
    runHandler(context, args.json === true, async () => {
      const { runBroker } = await import('../../broker/run-broker.js');
      return runBroker(args as unknown as BrokerArgs, context.io);
    }),
});
