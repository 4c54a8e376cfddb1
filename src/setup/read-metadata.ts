/**
 * Reads External Client App and connected app metadata (source format, as
 * `sfjwt setup` writes it or `sf project retrieve start` returns it) into one
 * route-neutral description per app.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { SfjwtError } from '../errors/sfjwt-error.js';
import {
  CONNECTED_APP,
  ECA_GLOBAL_OAUTH_SETTINGS,
  ECA_OAUTH_POLICIES,
  ECA_OAUTH_SETTINGS,
  ECA_POLICIES,
  EXTERNAL_CLIENT_APPLICATION,
  type MetadataType,
} from './metadata-types.js';
import { booleanOf, childOf, readMetadataFile, textOf, textsOf, type XmlRecord } from './read-xml.js';
import { DEFAULT_SOURCE_DIR } from './layout.js';

/** OAuth configuration of one app, as its metadata files describe it. */
export interface AppMetadata {
  kind: 'external-client-app' | 'connected-app';
  name: string;
  label: string;
  /** The PEM certificate; undefined when the app has none, so JWT logins cannot verify. */
  certificate?: string;
  consumerKey?: string;
  permittedUsers: 'admin-approved' | 'self-authorize';
  profiles: string[];
  permissionSets: string[];
  sessionTimeoutMinutes?: number;
  /** Scopes in Metadata API spelling (Api, RefreshToken ...). */
  scopes: string[];
  /** False when the app or its OAuth plugin is disabled by the policies. */
  enabled: boolean;
}

/**
 * Reads every app under `dir`: a source folder holding `externalClientApps`
 * or `connectedApps`, or a project folder with `force-app/main/default`.
 * Raises ERR_EMULATOR_CONFIG when there is no app.
 */
export async function readAppMetadata(dir: string): Promise<{ sourceDir: string; apps: AppMetadata[] }> {
  const sourceDir = await findSourceDir(dir);
  const apps = [...(await readExternalClientApps(sourceDir)), ...(await readConnectedApps(sourceDir))];
  if (apps.length === 0) {
    throw noApps(dir);
  }
  return { sourceDir, apps };
}

async function findSourceDir(dir: string): Promise<string> {
  for (const candidate of [dir, join(dir, ...DEFAULT_SOURCE_DIR.split('/'))]) {
    for (const folder of [EXTERNAL_CLIENT_APPLICATION.folder, CONNECTED_APP.folder]) {
      if ((await stat(join(candidate, folder)).catch(() => undefined))?.isDirectory() === true) {
        return candidate;
      }
    }
  }
  throw noApps(dir);
}

async function readExternalClientApps(sourceDir: string): Promise<AppMetadata[]> {
  const headers = await readAll(sourceDir, EXTERNAL_CLIENT_APPLICATION);
  if (headers.length === 0) {
    return [];
  }
  const byApp = async (type: MetadataType): Promise<Map<string, XmlRecord>> => {
    const entries = await readAll(sourceDir, type);
    return new Map(entries.map(({ record }) => [textOf(record, 'externalClientApplication') ?? '', record]));
  };
  const [global, oauth, oauthPolicies, policies] = await Promise.all([
    byApp(ECA_GLOBAL_OAUTH_SETTINGS),
    byApp(ECA_OAUTH_SETTINGS),
    byApp(ECA_OAUTH_POLICIES),
    byApp(ECA_POLICIES),
  ]);
  return headers.map(({ member, record }) => {
    const globalSettings = global.get(member) ?? {};
    const oauthPolicy = oauthPolicies.get(member);
    const pluginPolicy = policies.get(member) ?? {};
    const timeout = oauthPolicy === undefined ? undefined : textOf(oauthPolicy, 'sessionTimeoutInMinutes');
    return {
      kind: 'external-client-app',
      name: member,
      label: textOf(record, 'label') ?? member,
      ...optionalCertificate(textOf(globalSettings, 'certificate')),
      ...optionalKey(textOf(globalSettings, 'consumerKey')),
      // Without a policies file Salesforce starts an app with "All users may self-authorize".
      permittedUsers: oauthPolicy !== undefined && textOf(oauthPolicy, 'permittedUsersPolicyType') === 'AdminApprovedPreAuthorized'
        ? 'admin-approved'
        : 'self-authorize',
      profiles: splitList(oauthPolicy === undefined ? undefined : textOf(oauthPolicy, 'commaSeparatedProfile')),
      permissionSets: splitList(oauthPolicy === undefined ? undefined : textOf(oauthPolicy, 'commaSeparatedPermissionSet')),
      ...(timeout === undefined ? {} : { sessionTimeoutMinutes: positiveMinutes(timeout, member) }),
      scopes: splitList(textOf(oauth.get(member) ?? {}, 'commaSeparatedOauthScopes')),
      enabled: booleanOf(pluginPolicy, 'isEnabled', true) && booleanOf(pluginPolicy, 'isOauthPluginEnabled', true),
    };
  });
}

async function readConnectedApps(sourceDir: string): Promise<AppMetadata[]> {
  const files = await readAll(sourceDir, CONNECTED_APP);
  return files.map(({ member, record }) => {
    const oauthConfig = childOf(record, 'oauthConfig');
    return {
      kind: 'connected-app',
      name: member,
      label: textOf(record, 'label') ?? member,
      ...optionalCertificate(textOf(oauthConfig, 'certificate')),
      ...optionalKey(textOf(oauthConfig, 'consumerKey')),
      permittedUsers: booleanOf(oauthConfig, 'isAdminApproved', false) ? 'admin-approved' : 'self-authorize',
      profiles: textsOf(record, 'profileName'),
      permissionSets: textsOf(record, 'permissionSetName'),
      scopes: textsOf(oauthConfig, 'scopes'),
      enabled: true,
    };
  });
}

async function readAll(sourceDir: string, type: MetadataType): Promise<Array<{ member: string; record: XmlRecord }>> {
  const folder = join(sourceDir, type.folder);
  const names = await readdir(folder).catch(() => [] as string[]);
  const files = names.filter((name) => name.endsWith(type.suffix)).sort();
  return Promise.all(
    files.map(async (name) => ({
      member: name.slice(0, -type.suffix.length),
      record: await readMetadataFile(join(folder, name), type.name),
    })),
  );
}

/** Accepts the whole PEM or only its base64 body (the `--cert-format body` form) and returns PEM. */
function optionalCertificate(text: string | undefined): { certificate?: string } {
  if (text === undefined) {
    return {};
  }
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    return { certificate: `${text.trim()}\n` };
  }
  const body = text.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return { certificate: ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n') };
}

function positiveMinutes(text: string, member: string): number {
  const minutes = Number(text);
  if (!Number.isInteger(minutes) || minutes <= 0) {
    throw new SfjwtError('ERR_EMULATOR_CONFIG', `The OAuth policies of ${member} have sessionTimeoutInMinutes "${text}", not a positive whole number.`, {
      details: { app: member, value: text },
    });
  }
  return minutes;
}

function optionalKey(key: string | undefined): { consumerKey?: string } {
  return key === undefined ? {} : { consumerKey: key };
}

function splitList(text: string | undefined): string[] {
  return (text ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
}

function noApps(dir: string): SfjwtError {
  return new SfjwtError(
    'ERR_EMULATOR_CONFIG',
    `No External Client App or connected app metadata in ${dir} (looked for ${EXTERNAL_CLIENT_APPLICATION.folder}/ and ${CONNECTED_APP.folder}/).`,
    {
      details: { path: dir },
      actions: ['Pass the folder `sfjwt setup` wrote (force-app/main/default by default) or the project folder above it.'],
    },
  );
}
