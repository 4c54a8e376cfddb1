/** The body of `sfjwt setup`: prompts for missing settings on a terminal, writes the files, prints the guide. */
import type { SetupArgs } from '../cli/commands/setup.js';
import { printJson, printWarning, type Io } from '../cli/output.js';
import { buildSetupGuide, renderSetupGuide, type SetupGuide } from './guide/build-guide.js';
import { DEFAULT_SOURCE_DIR } from './layout.js';
import { DEFAULT_LABEL } from './model.js';
import { createReadlineAsker, type Asker } from './prompt-io.js';
import { askSetupQuestions, DEFAULT_CERT_PATH, type SetupAnswers } from './prompts.js';
import { runSetup, type SetupPlan } from './run-setup.js';
import { SfjwtError } from '../errors/sfjwt-error.js';

/**
 * Runs `sfjwt setup` and returns its exit code. On a terminal without
 * --yes or --json it prompts for each setting that no option set. Otherwise
 * it prompts for nothing, so CI can run it. `asker` replaces the terminal in tests.
 */
export async function runSetupCommand(args: SetupArgs, io: Io, asker?: Asker): Promise<number> {
  const answers = await collectAnswers(args, io, asker);
  // In Setup, Salesforce generates the consumer key itself; a key sfjwt writes exists only after a deploy.
  if (answers.steps === 'manual' && (args['generate-consumer-key'] === true || args['consumer-key'] !== undefined)) {
    throw new SfjwtError('ERR_SETTING_INVALID', 'A consumer key from sfjwt takes effect only when the metadata is deployed, not with --steps manual.', {
      details: { setting: 'steps' },
      actions: ['Drop --generate-consumer-key and --consumer-key, and copy the key Salesforce shows after you create the app, or use --steps deploy.'],
    });
  }
  const certPath = answers.certPath ?? DEFAULT_CERT_PATH;
  const plan = await runSetup({
    certPath,
    route: args['connected-app'] ? 'connected-app' : 'external-client-app',
    label: answers.label ?? DEFAULT_LABEL,
    ...optional('name', args.name),
    ...optional('contactEmail', answers.contactEmail),
    ...optional('description', args.description),
    callbackUrl: args['callback-url'],
    ...optional('scopes', args.scopes),
    certificateFormat: args['cert-format'],
    ...optional('consumerKey', args['consumer-key']),
    generateConsumerKey: args['generate-consumer-key'],
    orgType: answers.orgType ?? 'production',
    profiles: answers.profiles ?? [],
    permissionSets: answers.permissionSets ?? [],
    createPermissionSets: args['create-permission-set'],
    ipRelaxation: args['ip-relaxation'],
    ...optional('sessionTimeoutMinutes', args['session-timeout']),
    ...optional('sessionLevel', args['session-level']),
    apiVersion: args['api-version'],
    projectDir: args['project-dir'],
    outputDir: answers.outputDir ?? DEFAULT_SOURCE_DIR,
    manifest: args.manifest,
    force: args.force,
  });
  const guide = buildSetupGuide(plan, {
    steps: answers.steps ?? 'deploy',
    ...optional('username', answers.username),
    keyFile: args['key-file'] ?? defaultKeyFile(certPath),
    certFile: certPath,
    ...optional('loginUrl', args['login-url']),
    targetOrg: args['target-org'],
  });
  report(io, args.json, plan, guide);
  return 0;
}

async function collectAnswers(args: SetupArgs, io: Io, asker: Asker | undefined): Promise<SetupAnswers> {
  const given: SetupAnswers = {
    ...optional('certPath', args.cert),
    ...optional('label', args.label),
    ...optional('contactEmail', args['contact-email']),
    ...optional('orgType', args['org-type']),
    ...optional('profiles', args.profile),
    ...optional('permissionSets', args['permission-set']),
    ...optional('outputDir', args['output-dir']),
    ...optional('username', args.username),
    ...optional('steps', args.steps),
  };
  const ask = asker !== undefined || (io.interactive && !args.yes && !args.json);
  if (!ask) {
    return given;
  }
  const terminal = asker ?? createReadlineAsker(process.stdin, process.stderr);
  try {
    return await askSetupQuestions(terminal, given);
  } finally {
    terminal.close();
  }
}

function report(io: Io, json: boolean, plan: SetupPlan, guide: SetupGuide): void {
  if (json) {
    printJson(io, {
      files: plan.files.map(({ path, role, type, member }) => ({ path, role, type, member })),
      keptFiles: plan.keptFiles,
      app: {
        route: plan.settings.route,
        name: plan.settings.name,
        label: plan.settings.label,
        apiVersion: plan.settings.apiVersion,
        profiles: plan.settings.profiles,
        permissionSets: plan.settings.permissionSets,
        consumerKey: plan.settings.consumerKey,
        consumerKeyGenerated: plan.consumerKeyGenerated,
      },
      certificate: plan.certificate,
      guide,
    });
    return;
  }
  guide.warnings.forEach((warning) => printWarning(io, warning));
  io.stdout(renderSetupGuide(guide, plan));
}

function defaultKeyFile(certPath: string): string {
  return /\.[A-Za-z0-9]+$/.test(certPath) ? certPath.replace(/\.[A-Za-z0-9]+$/, '.key') : `${certPath}.key`;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
