import { readAppMetadata, type AppMetadata } from '../setup/read-metadata.js';
import { toOAuthScopeNames } from '../setup/scopes.js';
import { generateConsumerKey, type EmulatorApp, type EmulatorConfigInput } from './config.js';

export interface MetadataConfigOptions {
  /** Receives the app name and key when an app's metadata has no consumer key and one was generated. */
  onConsumerKeyGenerated?: (appName: string, consumerKey: string) => void;
  /** Receives one line for each app left out or unable to verify JWT logins. */
  log?: (line: string) => void;
}

/**
 * Builds the emulator's apps from a metadata folder: certificate, consumer
 * key (generated and reported through `onConsumerKeyGenerated` when the
 * metadata has none), permitted-users policy, assigned profiles and
 * permission sets, session timeout and scopes. The result has no users and
 * no org: add them before starting the emulator.
 *
 * @example
 * ```ts
 * const config = await loadEmulatorConfigFromMetadata('force-app/main/default');
 * const emulator = await startEmulator({
 *   config: { ...config, users: [{ username: 'integration@example.com', profile: 'Integration User' }] },
 * });
 * ```
 */
export async function loadEmulatorConfigFromMetadata(
  dir: string,
  options: MetadataConfigOptions = {},
): Promise<EmulatorConfigInput> {
  if (typeof dir !== 'string' || dir === '') {
    throw new TypeError('loadEmulatorConfigFromMetadata: dir must be a non-empty string');
  }
  const { apps } = await readAppMetadata(dir);
  const log = options.log ?? (() => undefined);
  const result: Array<Partial<EmulatorApp>> = [];
  for (const app of apps) {
    if (!app.enabled) {
      // NOTE: Salesforce's response to a login through a disabled app is not documented, so the emulator treats its key as unknown.
      log(`App ${app.name}: left out because its policies disable the app or its OAuth plugin.`);
      continue;
    }
    if (app.certificate === undefined) {
      log(`App ${app.name}: no certificate, so every JWT assertion for it fails as invalid_grant.`);
    }
    result.push(toEmulatorApp(app, options));
  }
  return { apps: result };
}

function toEmulatorApp(app: AppMetadata, options: MetadataConfigOptions): Partial<EmulatorApp> {
  const consumerKey = app.consumerKey ?? generateConsumerKey();
  if (app.consumerKey === undefined) {
    options.onConsumerKeyGenerated?.(app.name, consumerKey);
  }
  return {
    label: app.label,
    kind: app.kind,
    consumerKey,
    certificates: app.certificate === undefined ? [] : [app.certificate],
    permittedUsers: app.permittedUsers,
    profiles: app.profiles,
    permissionSets: app.permissionSets,
    ...(app.sessionTimeoutMinutes === undefined ? {} : { sessionTimeoutSeconds: app.sessionTimeoutMinutes * 60 }),
    scopes: toOAuthScopeNames(app.scopes),
  };
}
