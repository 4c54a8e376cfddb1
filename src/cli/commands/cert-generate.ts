import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';
import { type PassphraseArgs, withPassphraseOptions } from '../passphrase.js';

export interface CertGenerateArgs extends PassphraseArgs {
  bits: number;
  cn?: string;
  o?: string;
  ou?: string;
  c?: string;
  days: number;
  'out-dir': string;
  'key-name': string;
  'cert-name': string;
  force: boolean;
  encrypt: boolean;
  json: boolean;
}

/** `sfjwt cert generate`: a new RSA key pair and its self-signed certificate. */
export const certGenerateCommand: CommandFactory = (context) => ({
  command: 'generate',
  describe: 'Generate an RSA key pair and a self-signed SHA-256 certificate to upload to Salesforce',
  builder: (yargs) =>
    withPassphraseOptions(yargs)
      .option('bits', { type: 'number', default: 2048, describe: 'RSA key size in bits: 2048, 3072 or 4096' })
      .option('cn', { type: 'string', describe: 'Common name (CN) of the subject', defaultDescription: 'sfjwt-integration' })
      .option('o', { type: 'string', describe: 'Organization (O) of the subject' })
      .option('ou', { type: 'string', describe: 'Organizational unit (OU) of the subject' })
      .option('c', { type: 'string', describe: 'Two-letter country code (C) of the subject' })
      .option('days', { type: 'number', default: 365, describe: 'Validity of the certificate in days' })
      .option('out-dir', { type: 'string', default: 'certs', describe: 'Folder for the two files (created when missing)' })
      .option('key-name', { type: 'string', default: 'server.key', describe: 'File name of the private key' })
      .option('cert-name', { type: 'string', default: 'server.crt', describe: 'File name of the certificate' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace existing files' })
      .option('encrypt', {
        type: 'boolean',
        default: false,
        describe: 'Encrypt the private key (AES-256-CBC); the passphrase comes from --passphrase-file, the environment or a prompt',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  handler: (args) =>
    runHandler(context, args.json === true, async () => {
      const { runCertGenerate } = await import('./cert-generate-run.js');
      return runCertGenerate(args as unknown as CertGenerateArgs, context.io);
    }),
});
