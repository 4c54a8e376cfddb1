import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';
import { type PassphraseArgs, withPassphraseOptions } from '../passphrase.js';

export interface CertInspectArgs extends PassphraseArgs {
  file: string;
  json: boolean;
}

/** `sfjwt cert inspect FILE`: what a key, certificate or keystore file is. */
export const certInspectCommand: CommandFactory = (context) => ({
  command: 'inspect <file>',
  describe: 'Show what a key, certificate or keystore file is, with its fingerprints and warnings',
  builder: (yargs) =>
    withPassphraseOptions(yargs)
      .positional('file', { type: 'string', demandOption: true, describe: 'PEM, DER or PKCS#12 file' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  handler: (args) =>
    runHandler(context, args.json === true, async () => {
      const { runCertInspect } = await import('./cert-inspect-run.js');
      return runCertInspect(args as unknown as CertInspectArgs, context.io);
    }),
});
