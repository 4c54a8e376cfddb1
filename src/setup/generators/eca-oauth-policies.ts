import { ECA_OAUTH_POLICIES } from '../metadata-types.js';
import type { AppSettings, IpRelaxation, SessionLevel } from '../model.js';
import { renderComponent, type GeneratedComponent } from './component.js';

// NOTE: the Metadata API guide spells the last value Enforce_RelaxRefresh; one report quotes a
// deploy error that lists it as Enforce_relaxrefresh. The JWT bearer flow is not affected by either.
const IP_RELAXATION: Readonly<Record<IpRelaxation, string>> = {
  enforce: 'Enforce',
  bypass: 'Bypass',
  'bypass-2fa': 'Bypass_2factor',
  'enforce-relax-refresh': 'Enforce_RelaxRefresh',
};

const SESSION_LEVEL: Readonly<Record<SessionLevel, string>> = {
  standard: 'STANDARD',
  low: 'LOW',
};

/**
 * ExtlClntAppOauthConfigurablePolicies: "Admin approved users are
 * pre-authorized" with the assigned profiles and permission sets, so the
 * integration user logs in without ever approving the app in a browser.
 */
export function generateEcaOauthPolicies(settings: AppSettings): GeneratedComponent {
  // NOTE: the Metadata API guide calls these lists of IDs. Deployed files in public projects use
  // profile names and permission set API names, so sfjwt writes names.
  return renderComponent(ECA_OAUTH_POLICIES, `${settings.name}_oauthPlcy`, {
    commaSeparatedPermissionSet: joinOrUndefined(settings.permissionSets),
    commaSeparatedProfile: joinOrUndefined(settings.profiles),
    externalClientApplication: settings.name,
    ipRelaxationPolicyType: IP_RELAXATION[settings.ipRelaxation],
    label: `${settings.label} OAuth policies`,
    permittedUsersPolicyType: 'AdminApprovedPreAuthorized',
    requiredSessionLevel: settings.sessionLevel === undefined ? undefined : SESSION_LEVEL[settings.sessionLevel],
    sessionTimeoutInMinutes: settings.sessionTimeoutMinutes,
  });
}

function joinOrUndefined(values: readonly string[]): string | undefined {
  return values.length === 0 ? undefined : values.join(',');
}
