import { assertConfigShape, type EmulatorConfigInput } from '../../emulator/config.js';
import { startEmulator, type RunningEmulator } from '../../emulator/server.js';
import { SfjwtError } from '../../errors/sfjwt-error.js';
import { readTextFile } from '../../util/read-text.js';
import { checkNumber, checkPort } from '../validate-options.js';
import type { EmulatorArgs } from '../commands/emulator.js';
import { printJson, printLines, type Io } from '../output.js';
import { waitForSignal } from '../wait-for-signal.js';

/** Runs `sfjwt emulator` until SIGINT or SIGTERM; returns the exit code. */
export async function runEmulator(args: EmulatorArgs, io: Io): Promise<number> {
  checkPort(args.port);
  checkNumber(args['session-timeout'], '--session-timeout', 1, 31_536_000);
  const config = await buildConfig(args);
  const emulator = await startEmulator({
    config,
    port: args.port,
    host: args.host,
    ...(args.quiet ? {} : { log: (line: string) => io.stderr(`${new Date().toISOString()} ${line}\n`) }),
  });
  if (args.json) {
    printJson(io, summaryJson(emulator));
  } else {
    printLines(io, summaryLines(emulator, args['app-cert']));
  }
  await waitForSignal();
  await emulator.close();
  return 0;
}

async function buildConfig(args: EmulatorArgs): Promise<EmulatorConfigInput> {
  const fromFile = args.config === undefined ? {} : await readJson(args.config);
  const config: EmulatorConfigInput = {
    ...fromFile,
    org: { type: args['org-type'], sessionTimeoutSeconds: args['session-timeout'], ...fromFile.org },
    apps: [...(fromFile.apps ?? [])],
    users: [...(fromFile.users ?? [])],
  };
  if (args['app-cert'] !== undefined) {
    config.apps?.push({
      label: 'Quick start app',
      certificate: await readTextFile(args['app-cert'], 'certificate'),
      profiles: [args.profile],
      ...(args['consumer-key'] === undefined ? {} : { consumerKey: args['consumer-key'] }),
    });
  }
  if (args.metadata !== undefined) {
    const { loadEmulatorConfigFromMetadata } = await import('../../emulator/metadata.js');
    config.apps?.push(...((await loadEmulatorConfigFromMetadata(args.metadata)).apps ?? []));
  }
  for (const username of args.user ?? []) {
    config.users?.push({ username, profile: args.profile });
  }
  return config;
}

async function readJson(path: string): Promise<EmulatorConfigInput> {
  const text = await readTextFile(path, 'configuration');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // V8's message quotes the text around the error, which may be a password: leave it out.
    throw new SfjwtError('ERR_EMULATOR_CONFIG', `${path} is not valid JSON; check it with \`jq . ${path}\`.`, {
      details: { path },
    });
  }
  assertConfigShape(parsed);
  return parsed;
}


function summaryJson(emulator: RunningEmulator): Record<string, unknown> {
  return {
    url: emulator.url,
    apps: emulator.config.apps.map((app) => ({ label: app.label, consumerKey: app.consumerKey, kind: app.kind })),
    users: emulator.config.users.map((user) => ({ username: user.username, profile: user.profile })),
  };
}

/** Guesses the key beside a certificate: same folder and name with `.key`, as `sfjwt cert generate` writes. */
function keyFileFor(certificatePath: string | undefined): string {
  return certificatePath === undefined ? 'certs/server.key' : certificatePath.replace(/\.(crt|pem|cer)$/i, '') + '.key';
}

function summaryLines(emulator: RunningEmulator, certificatePath?: string): string[] {
  const lines = [`Salesforce emulator listening on ${emulator.url}`];
  for (const app of emulator.config.apps) {
    lines.push(`  App "${app.label}": consumer key ${app.consumerKey}`);
  }
  for (const user of emulator.config.users) {
    lines.push(`  User ${user.username} (profile ${user.profile})`);
  }
  const app = emulator.config.apps[0];
  const user = emulator.config.users[0];
  if (app !== undefined && user !== undefined) {
    // The emulator is a loopback host, so the derived audience is login; a sandbox org wants test.
    const audience = emulator.config.org.type === 'sandbox' ? ' --audience https://test.salesforce.com' : '';
    lines.push(
      'Try it:',
      `  npx sfjwt token --login-url ${emulator.url} --client-id ${app.consumerKey} --username ${user.username}` +
        ` --key-file ${keyFileFor(certificatePath)}${audience}`,
    );
  }
  lines.push('Press Ctrl+C to stop.');
  return lines;
}
