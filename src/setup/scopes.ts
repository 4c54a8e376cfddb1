import { SfjwtError } from '../errors/sfjwt-error.js';

/**
 * OAuth scopes as the Metadata API spells them (ConnectedApp `scopes`,
 * ExtlClntAppOauthSettings `commaSeparatedOauthScopes`), each with the OAuth
 * scope parameter values Salesforce lists beside it in Setup.
 */
const SCOPES = {
  Api: ['api'],
  RefreshToken: ['refresh_token', 'offline_access'],
  Web: ['web'],
  Full: ['full'],
  OpenID: ['openid'],
  Basic: ['id', 'profile', 'email', 'address', 'phone'],
  Chatter: ['chatter_api'],
  CustomPermissions: ['custom_permissions'],
} as const;

export type MetadataScope = keyof typeof SCOPES;

/** Setup's label of each scope in the app's "Selected OAuth Scopes" list. */
export const SETUP_SCOPE_LABELS: Readonly<Record<MetadataScope, string>> = {
  Api: 'Manage user data via APIs (api)',
  RefreshToken: 'Perform requests at any time (refresh_token, offline_access)',
  Web: 'Manage user data via Web browsers (web)',
  Full: 'Full access (full)',
  OpenID: 'Access unique user identifiers (openid)',
  Basic: 'Access the identity URL service (id, profile, email, address, phone)',
  Chatter: 'Access Connect REST API resources (chatter_api)',
  CustomPermissions: 'Access custom permissions (custom_permissions)',
};

/** The scopes a JWT integration needs: REST and SOAP API access, and `refresh_token, offline_access`. */
export const DEFAULT_SCOPES: readonly MetadataScope[] = ['Api', 'RefreshToken'];

/**
 * Maps scope names to their Metadata API values, accepting either spelling
 * (`api` or `Api`, `refresh_token` or `RefreshToken`), case-insensitively.
 * Raises ERR_SETTING_INVALID naming an unknown scope and the accepted ones.
 */
export function toMetadataScopes(names: readonly string[]): MetadataScope[] {
  const result: MetadataScope[] = [];
  for (const raw of names.flatMap((name) => name.split(','))) {
    const name = raw.trim();
    if (name === '') {
      continue;
    }
    const scope = findScope(name);
    if (scope === undefined) {
      throw new SfjwtError('ERR_SETTING_INVALID', `Unknown OAuth scope "${name}" in --scopes.`, {
        details: { setting: 'scopes', value: name },
        actions: [`Use scopes from: ${Object.keys(SCOPES).join(', ')} (or their OAuth names, such as api, refresh_token).`],
      });
    }
    if (!result.includes(scope)) {
      result.push(scope);
    }
  }
  return result;
}

/** Maps Metadata API scopes to the OAuth scope parameter values that token responses list. */
export function toOAuthScopeNames(scopes: readonly string[]): string[] {
  return scopes.flatMap((scope) => {
    const known = findScope(scope);
    return known === undefined ? [scope.toLowerCase()] : [...SCOPES[known]];
  });
}

function findScope(name: string): MetadataScope | undefined {
  const lower = name.toLowerCase();
  for (const [scope, oauthNames] of Object.entries(SCOPES) as Array<[MetadataScope, readonly string[]]>) {
    if (scope.toLowerCase() === lower || oauthNames.includes(lower)) {
      return scope;
    }
  }
  return undefined;
}
