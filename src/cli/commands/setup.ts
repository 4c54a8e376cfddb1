import type { Argv } from 'yargs';

import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';

/** Options of `sfjwt setup`; the ones that may be asked for have no yargs default. */
export interface SetupArgs {
  cert?: string;
  label?: string;
  name?: string;
  'contact-email'?: string;
  description?: string;
  'callback-url': string;
  scopes?: string[];
  'connected-app': boolean;
  'org-type'?: 'production' | 'sandbox';
  'login-url'?: string;
  profile?: string[];
  'permission-set'?: string[];
  'create-permission-set': boolean;
  'ip-relaxation': 'enforce' | 'bypass' | 'bypass-2fa' | 'enforce-relax-refresh';
  'session-timeout'?: number;
  'session-level'?: 'standard' | 'low';
  'consumer-key'?: string;
  'generate-consumer-key': boolean;
  'cert-format': 'pem' | 'body';
  'api-version': string;
  'project-dir': string;
  'output-dir'?: string;
  manifest: string;
  username?: string;
  'key-file'?: string;
  'target-org': string;
  steps?: 'deploy' | 'manual';
  yes: boolean;
  force: boolean;
  json: boolean;
}

/** `sfjwt setup`: write deployable External Client App metadata and print the steps to apply it. */
export const setupCommand: CommandFactory = (context) => ({
  command: 'setup',
  describe: 'Write External Client App (or connected app) metadata for the JWT bearer flow and guide the setup',
  builder: (yargs) => withSetupOptions(yargs),
  handler: (args) =>
    runHandler(context, args.json === true, async () => {
      const { runSetupCommand } = await import('../../setup/cli-handler.js');
      return runSetupCommand(args as unknown as SetupArgs, context.io);
    }),
});

/** Returns the last value of an option given more than once (yargs collects repeats into a list). */
function last<T>(value: T | T[]): T | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function withSetupOptions(yargs: Argv): Argv {
  return withOutputOptions(withPolicyOptions(withAppOptions(yargs)))
    .option('yes', { type: 'boolean', default: false, describe: 'Ask nothing; use the defaults for every option not given' })
    .option('force', { type: 'boolean', default: false, describe: 'Replace files that already exist' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the files written and the guide as JSON' })
    .example('$0 setup --cert certs/server.crt --label "Nightly Export" --contact-email ops@example.com --profile "Integration User" --yes', '');
}

function withAppOptions(yargs: Argv): Argv {
  return yargs
    .option('cert', { coerce: last, type: 'string', describe: 'PEM certificate to upload (never the private key); at most 4 KB', defaultDescription: 'certs/server.crt, asked on a terminal' })
    .option('label', { coerce: last, type: 'string', describe: 'Label of the app shown in Setup', defaultDescription: '"JWT Integration"' })
    .option('name', { coerce: last, type: 'string', describe: 'API name of the app', defaultDescription: 'derived from --label' })
    .option('contact-email', { coerce: last, type: 'string', describe: 'Contact email stored on the app (required by Salesforce)' })
    .option('description', { coerce: last, type: 'string', describe: 'Description stored on the app' })
    .option('callback-url', { coerce: last, type: 'string', default: 'http://localhost:1717/OauthRedirect', describe: 'Callback URL; the JWT bearer flow never calls it' })
    .option('scopes', { type: 'string', array: true, describe: 'OAuth scopes, comma-separated or repeated (api, refresh_token, web, full, openid, ...)', defaultDescription: 'api,refresh_token' })
    .option('connected-app', { type: 'boolean', default: false, describe: "Write a legacy ConnectedApp instead of an External Client App (new ones need a Support request since Spring '26)" })
    .option('consumer-key', { coerce: last, type: 'string', describe: 'Write this consumer key into the metadata' })
    .option('generate-consumer-key', { type: 'boolean', default: false, describe: 'Generate a consumer key and write it into the metadata' })
    .option('cert-format', { choices: ['pem', 'body'] as const, default: 'pem' as const, describe: 'Write the whole PEM, or only its base64 body, into the certificate element' })
    .option('api-version', { coerce: last, type: 'string', default: '62.0', describe: 'Metadata API version of package.xml and sfdx-project.json (60.0 or later for External Client Apps)' });
}

function withPolicyOptions(yargs: Argv): Argv {
  return yargs
    .option('org-type', { choices: ['production', 'sandbox'] as const, describe: 'Org type; sets the login URL in the guide', defaultDescription: 'production' })
    .option('login-url', { coerce: last, type: 'string', describe: 'Login URL for the env file and doctor (a My Domain, say)', defaultDescription: 'login or test.salesforce.com from --org-type' })
    .option('profile', { type: 'string', array: true, describe: "Profile assigned to the app, the integration user's (repeatable)" })
    .option('permission-set', { type: 'string', array: true, describe: 'Permission set (API name) assigned to the app (repeatable)' })
    .option('create-permission-set', { type: 'boolean', default: false, describe: 'Also write each --permission-set, granting API Enabled' })
    .option('ip-relaxation', { choices: ['enforce', 'bypass', 'bypass-2fa', 'enforce-relax-refresh'] as const, default: 'enforce' as const, describe: 'IP Relaxation policy of the app' })
    .option('session-timeout', { coerce: last, type: 'number', describe: 'Session timeout of tokens from this app, in minutes (External Client Apps)', defaultDescription: "the profile's or org's" })
    .option('session-level', { choices: ['standard', 'low'] as const, describe: 'Required session level (External Client Apps); high assurance blocks JWT logins', defaultDescription: 'none' });
}

function withOutputOptions(yargs: Argv): Argv {
  return yargs
    .option('project-dir', { coerce: last, type: 'string', default: '.', describe: 'Salesforce DX project folder; gets sfdx-project.json when it has none' })
    .option('output-dir', { coerce: last, type: 'string', describe: 'Source folder for the metadata, relative to --project-dir', defaultDescription: 'force-app/main/default' })
    .option('manifest', { coerce: last, type: 'string', default: 'manifest/package.xml', describe: 'package.xml path, relative to --project-dir' })
    .option('username', { coerce: last, type: 'string', describe: 'Username of the integration user, for the env file and doctor command' })
    .option('key-file', { coerce: last, type: 'string', describe: 'Private key file the integration signs with (only named in the guide, never read)', defaultDescription: '--cert with the extension .key' })
    .option('target-org', { coerce: last, type: 'string', default: 'jwt-setup', describe: 'Salesforce CLI alias used in the deploy commands shown' })
    .option('steps', { choices: ['deploy', 'manual'] as const, describe: 'Guide to deploy with the Salesforce CLI, or to click through Setup', defaultDescription: 'deploy' });
}
