import { ECA_OAUTH_SETTINGS } from '../metadata-types.js';
import type { AppSettings } from '../model.js';
import { renderComponent, type GeneratedComponent } from './component.js';

/** ExtlClntAppOauthSettings: turns the OAuth plugin on with the app's scopes. */
export function generateEcaOauthSettings(settings: AppSettings): GeneratedComponent {
  return renderComponent(ECA_OAUTH_SETTINGS, `${settings.name}_oauth`, {
    commaSeparatedOauthScopes: settings.scopes.join(', '),
    externalClientApplication: settings.name,
    label: `${settings.label} OAuth settings`,
  });
}
