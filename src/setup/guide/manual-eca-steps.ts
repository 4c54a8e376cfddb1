import { SETUP_SCOPE_LABELS } from '../scopes.js';
import type { GuideContext } from './context.js';
import { IP_RELAXATION_LABELS } from './labels.js';

/** Steps that create the same External Client App by hand in Setup, in the order of its pages. */
export function manualEcaSteps(context: GuideContext): string[] {
  const { settings } = context.plan;
  const scopes = settings.scopes.map((scope) => `"${SETUP_SCOPE_LABELS[scope]}"`).join(', ');
  return [
    'In Setup, enter "External Client App Manager" in Quick Find, open it and click "New External Client App". ' +
      '(App Manager lists External Client Apps too, under "New External Client App".)',
    `Basic Information: External Client App Name "${settings.label}", API Name "${settings.name}", ` +
      `Contact Email "${settings.contactEmail}", Distribution State "Local".`,
    `API (Enable OAuth Settings): check "Enable OAuth"; Callback URL ${settings.callbackUrl} (the JWT bearer flow never calls it); ` +
      `OAuth Scopes: ${scopes}.`,
    `Flow Enablement: check "Enable JWT Bearer Flow" and upload the certificate ${context.certFile}. ` +
      'Leave the other flows unchecked. Click Create.',
    `Policies tab, Edit, OAuth Policies: Permitted Users "Admin approved users are pre-authorized"; ${assignments(context)} ` +
      `IP Relaxation "${IP_RELAXATION_LABELS[settings.ipRelaxation]}". ${sessionText(context)}Save.`,
    `Settings tab, OAuth Settings, "Consumer Key and Secret": verify with the code Salesforce sends, then copy the Consumer Key ` +
      '(never the secret).',
  ];
}

function assignments(context: GuideContext): string {
  const { profiles, permissionSets } = context.plan.settings;
  const parts: string[] = [];
  if (profiles.length > 0) {
    parts.push(`under "Select Profiles" add ${profiles.map((name) => `"${name}"`).join(', ')}`);
  }
  if (permissionSets.length > 0) {
    parts.push(`under "Select Permission Sets" add ${permissionSets.map((name) => `"${name}"`).join(', ')}`);
  }
  return `${parts.join('; ')};`;
}

function sessionText(context: GuideContext): string {
  const { sessionTimeoutMinutes, sessionLevel } = context.plan.settings;
  const timeout = sessionTimeoutMinutes === undefined ? '' : `Session Policies: Timeout Value ${sessionTimeoutMinutes} minutes. `;
  const level = sessionLevel === undefined
    ? 'Leave "High assurance session required" unchecked: it blocks JWT logins. '
    : `Session level ${sessionLevel.toUpperCase()}. `;
  return `${timeout}${level}`;
}
