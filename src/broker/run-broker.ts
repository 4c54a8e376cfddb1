import type { BrokerArgs } from '../cli/commands/broker.js';
import { SfjwtError } from '../errors/sfjwt-error.js';
import { printJson, printLines, type Io } from '../cli/output.js';
import { batchedLog } from './batched-log.js';
import { readBrokerConfig } from './config.js';
import { startBroker, type RunningBroker } from './server.js';
import { waitForSignal } from '../cli/wait-for-signal.js';
import { checkPort } from '../cli/validate-options.js';

/** Runs `sfjwt broker` until SIGINT or SIGTERM; returns the exit code. */
export async function runBroker(args: BrokerArgs, io: Io): Promise<number> {
  if (args.config === undefined) {
    throw new SfjwtError('ERR_SETTING_MISSING', 'The broker configuration file is missing.', {
      details: { setting: 'config' },
      actions: ['Pass --config FILE; docs/cli.md shows the file\'s shape.'],
    });
  }
  if (args.port !== undefined) {
    checkPort(args.port);
  }
  const config = await readBrokerConfig(args.config, io.env);
  const logger = batchedLog((text) => io.stderr(text));
  const broker = await startBroker({
    config,
    ...(args.port === undefined ? {} : { port: args.port }),
    ...(args.host === undefined ? {} : { host: args.host }),
    ...(args.quiet ? {} : { log: logger.log }),
  });
  if (args.json) {
    printJson(io, { url: broker.url, tokenUrl: `${broker.url}/services/oauth2/token`, clients: config.clients.length });
  } else {
    printLines(io, summaryLines(broker, config.clients.length));
  }
  await waitForSignal();
  await broker.close();
  logger.flush();
  return 0;
}

function summaryLines(broker: RunningBroker, clients: number): string[] {
  return [
    `sfjwt broker listening on ${broker.url} for ${clients} client id(s)`,
    `  Point legacy tools at ${broker.url} as their login URL (token URL ${broker.url}/services/oauth2/token),`,
    '  with the local secret as password and an empty security token. Stop with Ctrl+C.',
  ];
}
