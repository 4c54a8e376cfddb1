import { SETUP_SCOPE_LABELS } from '../scopes.js';
import type { GuideContext } from './context.js';
import { IP_RELAXATION_LABELS } from './labels.js';

/** Steps that create the same legacy connected app by hand in Setup. */
export function manualConnectedAppSteps(context: GuideContext): string[] {
  const { settings } = context.plan;
  const scopes = settings.scopes.map((scope) => `"${SETUP_SCOPE_LABELS[scope]}"`).join(', ');
  return [
    "In Setup, open App Manager and click \"New Connected App\" (since Spring '26 only after Salesforce Support enabled it for the org).",
    `Connected App Name "${settings.label}", API Name "${settings.name}", Contact Email "${settings.contactEmail}".`,
    `API (Enable OAuth Settings): check "Enable OAuth Settings"; Callback URL ${settings.callbackUrl}; ` +
      `check "Use digital signatures" and upload ${context.certFile}; Selected OAuth Scopes: ${scopes}. Save, then Continue.`,
    'App Manager, the arrow beside the app, Manage, "Edit Policies": Permitted Users "Admin approved users are pre-authorized"; ' +
      `IP Relaxation "${IP_RELAXATION_LABELS[settings.ipRelaxation]}". Save.`,
    `On the same page, ${assignments(context)}`,
    'App Manager, the arrow beside the app, View, "Manage Consumer Details": verify with the code Salesforce sends, ' +
      'then copy the Consumer Key (never the secret).',
  ];
}

function assignments(context: GuideContext): string {
  const { profiles, permissionSets } = context.plan.settings;
  const parts: string[] = [];
  if (profiles.length > 0) {
    parts.push(`"Manage Profiles": add ${profiles.map((name) => `"${name}"`).join(', ')}`);
  }
  if (permissionSets.length > 0) {
    parts.push(`"Manage Permission Sets": add ${permissionSets.map((name) => `"${name}"`).join(', ')}`);
  }
  return `${parts.join('; ')}.`;
}
