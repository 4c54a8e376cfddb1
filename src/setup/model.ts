/**
 * The settings of the app that `sfjwt setup` describes, independent of the
 * route (External Client App or legacy connected app) and of the XML.
 */
import { SfjwtError } from '../errors/sfjwt-error.js';
import { assertApiName, deriveApiName } from './api-name.js';
import { DEFAULT_SCOPES, toMetadataScopes, type MetadataScope } from './scopes.js';
import { assertPlainText, assertProfileName, assertEmail, assertUrl, assertConsumerKey } from './validate.js';

/** External Client App (the default since Spring '26) or the legacy connected app. */
export type SetupRoute = 'external-client-app' | 'connected-app';
export type OrgType = 'production' | 'sandbox';
/** IP Relaxation policy of the app. None of them relaxes the JWT bearer flow (observed). */
export type IpRelaxation = 'enforce' | 'bypass' | 'bypass-2fa' | 'enforce-relax-refresh';
/** Session security level an External Client App requires; high assurance is refused because it blocks JWT logins. */
export type SessionLevel = 'standard' | 'low';
/** Certificate encoding in the metadata: the whole PEM, or only its base64 body without BEGIN and END lines. */
export type CertificateFormat = 'pem' | 'body';

/** Default Metadata API version of package.xml and sfdx-project.json. */
export const DEFAULT_API_VERSION = '62.0';
/** The Salesforce CLI's own callback; the JWT bearer flow never calls it, but the app needs one. */
export const DEFAULT_CALLBACK_URL = 'http://localhost:1717/OauthRedirect';
export const DEFAULT_LABEL = 'JWT Integration';
// ExtlClntAppConfigurablePolicies and the certificate field of the global OAuth settings start at 60.0.
const MIN_ECA_API_VERSION = 60;
const MIN_CONNECTED_APP_API_VERSION = 29;

/** Settings as a caller gives them, before `normalizeAppSettings` validates them and fills the defaults. */
export interface AppSettingsInput {
  route?: SetupRoute;
  label?: string;
  /** API name of the app; derived from the label unless set. */
  name?: string;
  contactEmail?: string;
  description?: string;
  callbackUrl?: string;
  /** Scope names, Metadata API or OAuth spelling. */
  scopes?: readonly string[];
  /** The PEM certificate, already checked by `readSetupCertificate`. */
  certificatePem: string;
  certificateFormat?: CertificateFormat;
  /** Written only when set; Salesforce generates a key otherwise. */
  consumerKey?: string;
  orgType?: OrgType;
  profiles?: readonly string[];
  permissionSets?: readonly string[];
  /** Also generate each permission set in `permissionSets`. */
  createPermissionSets?: boolean;
  ipRelaxation?: IpRelaxation;
  /** External Client Apps only. */
  sessionTimeoutMinutes?: number;
  /** External Client Apps only. */
  sessionLevel?: SessionLevel;
  apiVersion?: string;
}

/** Validated settings with every default filled in. */
export interface AppSettings {
  route: SetupRoute;
  name: string;
  label: string;
  contactEmail: string;
  description?: string;
  callbackUrl: string;
  scopes: MetadataScope[];
  certificatePem: string;
  certificateFormat: CertificateFormat;
  consumerKey?: string;
  orgType: OrgType;
  profiles: string[];
  permissionSets: string[];
  createPermissionSets: boolean;
  ipRelaxation: IpRelaxation;
  sessionTimeoutMinutes?: number;
  sessionLevel?: SessionLevel;
  apiVersion: string;
}

/** Validates `input` and fills the defaults; every rejected value raises a coded error naming it. */
export function normalizeAppSettings(input: AppSettingsInput): AppSettings {
  const route = input.route ?? 'external-client-app';
  const label = (input.label ?? DEFAULT_LABEL).trim();
  assertPlainText(label, 'label');
  const name = input.name ?? deriveApiName(label);
  assertApiName(name, '--name');
  const settings: AppSettings = {
    route,
    name,
    label,
    contactEmail: requireEmail(input.contactEmail),
    ...optionalDescription(input.description),
    callbackUrl: assertUrl(input.callbackUrl ?? DEFAULT_CALLBACK_URL, 'callback-url'),
    scopes: toMetadataScopes(input.scopes ?? DEFAULT_SCOPES),
    certificatePem: input.certificatePem,
    certificateFormat: input.certificateFormat ?? 'pem',
    ...(input.consumerKey === undefined ? {} : { consumerKey: assertConsumerKey(input.consumerKey) }),
    orgType: input.orgType ?? 'production',
    ...normalizeAssignments(input),
    ipRelaxation: input.ipRelaxation ?? 'enforce',
    ...normalizeSession(input, route),
    apiVersion: normalizeApiVersion(input.apiVersion ?? DEFAULT_API_VERSION, route),
  };
  if (settings.scopes.length === 0) {
    throw invalid('scopes', '', 'No OAuth scope was given.', ['Pass --scopes api,refresh_token (the default).']);
  }
  return settings;
}

function requireEmail(email: string | undefined): string {
  if (email === undefined || email.trim() === '') {
    throw new SfjwtError('ERR_SETTING_MISSING', 'No contact email was given; Salesforce requires one on the app.', {
      details: { setting: 'contact-email' },
      actions: ['Pass --contact-email with the address of the team that owns the integration.'],
    });
  }
  return assertEmail(email.trim());
}

function optionalDescription(description: string | undefined): { description?: string } {
  const text = description?.trim();
  if (text === undefined || text === '') {
    return {};
  }
  assertPlainText(text, 'description');
  return { description: text };
}

function normalizeAssignments(input: AppSettingsInput): Pick<AppSettings, 'profiles' | 'permissionSets' | 'createPermissionSets'> {
  const profiles = dedupe(input.profiles ?? []);
  profiles.forEach((profile) => assertProfileName(profile));
  const permissionSets = dedupe(input.permissionSets ?? []);
  permissionSets.forEach((permissionSet) => assertApiName(permissionSet, '--permission-set'));
  if (profiles.length === 0 && permissionSets.length === 0) {
    throw new SfjwtError('ERR_SETTING_MISSING', 'No profile or permission set was named for the app.', {
      details: { setting: 'profile' },
      actions: [
        "Pass --profile with the integration user's profile, or --permission-set with a permission set assigned to the user.",
        'With "Admin approved users are pre-authorized", only users with an assigned profile or permission set can log in.',
      ],
    });
  }
  const createPermissionSets = input.createPermissionSets ?? false;
  if (createPermissionSets && permissionSets.length === 0) {
    throw invalid('create-permission-set', 'true', '--create-permission-set needs --permission-set NAME.', [
      'Name the permission set to create with --permission-set.',
    ]);
  }
  return { profiles, permissionSets, createPermissionSets };
}

function normalizeSession(input: AppSettingsInput, route: SetupRoute): Pick<AppSettings, 'sessionTimeoutMinutes' | 'sessionLevel'> {
  const { sessionTimeoutMinutes: minutes, sessionLevel } = input;
  if (route === 'connected-app' && (minutes !== undefined || sessionLevel !== undefined)) {
    const setting = minutes !== undefined ? 'session-timeout' : 'session-level';
    throw invalid(setting, String(minutes ?? sessionLevel), `--${setting} applies to External Client Apps only.`, [
      "Set a connected app's session timeout in Setup (Manage Connected Apps, the app, Edit Policies, Session Policies).",
    ]);
  }
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes <= 0)) {
    throw invalid('session-timeout', String(minutes), `Session timeout ${minutes} is not a positive whole number of minutes.`, [
      'Pass --session-timeout with minutes, for example 120.',
    ]);
  }
  if (sessionLevel !== undefined && sessionLevel !== 'standard' && sessionLevel !== 'low') {
    throw invalid('session-level', String(sessionLevel), `Session level "${String(sessionLevel)}" cannot be used with the JWT bearer flow.`, [
      'Use --session-level standard or low, or leave it unset: a high-assurance session level blocks headless JWT logins.',
    ]);
  }
  return {
    ...(minutes === undefined ? {} : { sessionTimeoutMinutes: minutes }),
    ...(sessionLevel === undefined ? {} : { sessionLevel }),
  };
}

function normalizeApiVersion(version: string, route: SetupRoute): string {
  const match = /^(\d{2,3})(?:\.0)?$/.exec(version.trim());
  const major = match === null ? Number.NaN : Number(match[1]);
  const minimum = route === 'external-client-app' ? MIN_ECA_API_VERSION : MIN_CONNECTED_APP_API_VERSION;
  if (!(major >= minimum)) {
    throw invalid('api-version', version, `API version "${version}" cannot describe this app (minimum ${minimum}.0).`, [
      `Pass --api-version ${DEFAULT_API_VERSION} or another version from ${minimum}.0 on.`,
    ]);
  }
  return `${major}.0`;
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

function invalid(setting: string, value: string, message: string, actions: string[]): SfjwtError {
  return new SfjwtError('ERR_SETTING_INVALID', message, { details: { setting, value }, actions });
}
