import type { AppSettings } from './model.js';
import type { GeneratedComponent } from './generators/component.js';
import { generateConnectedApp } from './generators/connected-app.js';
import { generateEcaGlobalOauthSettings } from './generators/eca-global-oauth-settings.js';
import { generateEcaOauthPolicies } from './generators/eca-oauth-policies.js';
import { generateEcaOauthSettings } from './generators/eca-oauth-settings.js';
import { generateEcaPolicies } from './generators/eca-policies.js';
import { generateExternalClientApp } from './generators/external-client-app.js';
import { generatePermissionSet } from './generators/permission-set.js';

/**
 * Renders every metadata component of the chosen route: the five External
 * Client App components, or one ConnectedApp. Requested permission sets come
 * first because the app refers to them.
 */
export function generateComponents(settings: AppSettings): GeneratedComponent[] {
  const permissionSets = settings.createPermissionSets
    ? settings.permissionSets.map((name) => generatePermissionSet(settings, name))
    : [];
  if (settings.route === 'connected-app') {
    return [...permissionSets, generateConnectedApp(settings)];
  }
  return [
    ...permissionSets,
    generateExternalClientApp(settings),
    generateEcaOauthSettings(settings),
    generateEcaGlobalOauthSettings(settings),
    generateEcaOauthPolicies(settings),
    generateEcaPolicies(settings),
  ];
}
