import { ECA_GLOBAL_OAUTH_SETTINGS } from '../metadata-types.js';
import type { AppSettings } from '../model.js';
import { certificateText, renderComponent, type GeneratedComponent } from './component.js';

/**
 * ExtlClntAppGlobalOauthSettings: callback URL, the certificate (its presence
 * enables the JWT bearer flow) and, only when one was asked for, the consumer
 * key. PKCE is off because the JWT bearer flow has no authorization code.
 * No consumer secret is ever written: the JWT bearer flow sends none.
 */
export function generateEcaGlobalOauthSettings(settings: AppSettings): GeneratedComponent {
  return renderComponent(ECA_GLOBAL_OAUTH_SETTINGS, `${settings.name}_glbloauth`, {
    callbackUrl: settings.callbackUrl,
    certificate: certificateText(settings),
    consumerKey: settings.consumerKey,
    externalClientApplication: settings.name,
    isPkceRequired: false,
    label: `${settings.label} global OAuth settings`,
  });
}
