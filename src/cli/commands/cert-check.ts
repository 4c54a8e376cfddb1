import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';
import { type PassphraseArgs, withPassphraseOptions } from '../passphrase.js';

export interface CertCheckArgs extends PassphraseArgs {
  key?: string;
  cert?: string;
  json: boolean;
}

/** `sfjwt cert check`: does the private key belong to the certificate? */
export const certCheckCommand: CommandFactory = (context) => ({
  command: 'check',
  describe: 'Check that a private key belongs to a certificate (before uploading or after an invalid assertion)',
  builder: (yargs) =>
    withPassphraseOptions(yargs)
      .option('key', {
        type: 'string',
        describe: 'Private key file: PEM, DER or PKCS#12 [env SF_JWT_KEY_FILE; or the key itself in SF_JWT_KEY]',
      })
      .option('cert', {
        type: 'string',
        describe: 'Certificate file (PEM or DER)',
        defaultDescription: 'the certificate stored with the key, if any',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  handler: (args) =>
    runHandler(context, args.json === true, async () => {
      const { runCertCheck } = await import('./cert-check-run.js');
      return runCertCheck(args as unknown as CertCheckArgs, context.io);
    }),
});
