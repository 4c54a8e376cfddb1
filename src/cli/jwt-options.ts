import type { Argv } from 'yargs';

import { resolveSettings, type ResolvedSettings } from '../config/settings.js';
import type { Io } from './output.js';
import { withPassphraseOptions, type PassphraseArgs } from './passphrase.js';

/** Connection options shared by `token` and `doctor`. */
export interface JwtArgs extends PassphraseArgs {
  'client-id'?: string;
  username?: string;
  'key-file'?: string;
  'login-url'?: string;
  audience?: string;
  cert?: string;
  dotenv?: string;
  'audience-fallback'?: string;
  timeout?: number;
  retries?: number;
  json?: boolean;
  verbose?: boolean;
}

/** Adds the connection options to a command. Secrets have no flag: they come from files or the environment. */
export function withJwtOptions<T>(yargs: Argv<T>): Argv<T & JwtArgs> {
  return withPassphraseOptions(yargs)
    .option('client-id', { type: 'string', describe: 'Consumer key of the app [env SF_CLIENT_ID]' })
    .option('username', { type: 'string', describe: 'Username of the integration user [env SF_USERNAME]' })
    .option('key-file', {
      type: 'string',
      describe: 'Private key file: PEM, DER or PKCS#12 [env SF_JWT_KEY_FILE; or the key itself in SF_JWT_KEY]',
    })
    .option('login-url', {
      type: 'string',
      describe: 'Token URL base [env SF_LOGIN_URL]',
      defaultDescription: 'https://login.salesforce.com',
    })
    .option('audience', {
      type: 'string',
      describe: 'Audience (aud) of the assertion [env SF_AUDIENCE_URL]',
      defaultDescription: 'derived from the token URL',
    })
    .option('cert', { type: 'string', describe: 'Certificate uploaded to the app; checked against the key before sending' })
    .option('dotenv', { type: 'string', describe: 'Dotenv file with SF_* settings, read after the environment' })
    .option('audience-fallback', {
      type: 'string',
      describe: 'After "audience is invalid" or app_not_found, try once more with this audience ("auto" picks the documented alternative)',
    })
    .option('timeout', { type: 'number', default: 30, describe: 'Seconds to wait for each HTTP attempt' })
    .option('retries', { type: 'number', default: 2, describe: 'Retries after HTTP 5xx, timeouts and connection errors (0-5); OAuth errors are never retried' })
    .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
    .option('verbose', { type: 'boolean', default: false, describe: 'Print the endpoint rule, retries and settings sources on stderr' }) as Argv<T & JwtArgs>;
}

/** Resolves the connection settings of a command from its flags, the environment and an env file. */
export function resolveJwtSettings(args: JwtArgs, io: Io): { settings: ResolvedSettings; warnings: string[] } {
  const resolution = resolveSettings({
    flags: {
      clientId: args['client-id'],
      username: args.username,
      keyFile: args['key-file'],
      loginUrl: args['login-url'],
      audience: args.audience,
    },
    env: io.env,
    ...(args.dotenv === undefined ? {} : { envFile: args.dotenv }),
    defaults: { loginUrl: 'https://login.salesforce.com' },
  });
  const { keyFile, key } = resolution.settings;
  if (keyFile !== undefined && key !== undefined) {
    resolution.warnings.push(`Both ${keyFile.origin} and ${key.origin} are set; sfjwt uses the key file ${keyFile.value}.`);
  }
  return resolution;
}
