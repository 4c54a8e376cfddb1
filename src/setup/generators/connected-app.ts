import {
  CONNECTED_APP,
  CONNECTED_APP_OAUTH_CONFIG_ORDER,
  CONNECTED_APP_OAUTH_POLICY_ORDER,
} from '../metadata-types.js';
import type { AppSettings, IpRelaxation } from '../model.js';
import { orderedNodes } from '../xml-writer.js';
import { certificateText, renderComponent, type GeneratedComponent } from './component.js';

const IP_RELAXATION: Readonly<Record<IpRelaxation, string>> = {
  enforce: 'ENFORCE',
  bypass: 'BYPASS',
  'bypass-2fa': 'BYPASS_2FACTOR',
  'enforce-relax-refresh': 'ENFORCE_RELAXREFRESH',
};

/**
 * ConnectedApp (the legacy route): OAuth with the certificate, admin
 * approval (`isAdminApproved`) so the assigned profiles and permission sets
 * are pre-authorized, and no consumer secret.
 */
export function generateConnectedApp(settings: AppSettings): GeneratedComponent {
  const oauthConfig = orderedNodes(
    {
      callbackUrl: settings.callbackUrl,
      certificate: certificateText(settings),
      consumerKey: settings.consumerKey,
      isAdminApproved: true,
      scopes: settings.scopes,
    },
    CONNECTED_APP_OAUTH_CONFIG_ORDER,
  );
  // The JWT bearer flow issues no refresh token; `infinite` is Setup's default for the policy.
  const oauthPolicy = orderedNodes(
    { ipRelaxation: IP_RELAXATION[settings.ipRelaxation], refreshTokenPolicy: 'infinite' },
    CONNECTED_APP_OAUTH_POLICY_ORDER,
  );
  return renderComponent(CONNECTED_APP, settings.name, {
    contactEmail: settings.contactEmail,
    description: settings.description,
    label: settings.label,
    oauthConfig: { children: oauthConfig },
    oauthPolicy: { children: oauthPolicy },
    permissionSetName: settings.permissionSets,
    profileName: settings.profiles,
  });
}
