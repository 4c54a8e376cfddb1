import { projectRelative } from '../layout.js';
import type { GuideContext } from './context.js';
import { shellQuote } from './shell.js';

/** Steps that deploy the generated folder with the Salesforce CLI (`sf`). */
export function deploySteps(context: GuideContext): string[] {
  const { plan, targetOrg } = context;
  const org = shellQuote(targetOrg);
  const steps: string[] = [];
  if (context.isEca) {
    steps.push(
      'In Setup, open External Client App Settings and turn on "Allow Access to OAuth Consumer Secrets via Metadata API" ' +
        '(some orgs label it "Allow access to External Client App consumer secrets via Metadata API"). ' +
        'Deploying the global OAuth settings needs it, although sfjwt writes no consumer secret; turn it off again after the deploy.',
    );
  }
  steps.push(
    `Log the Salesforce CLI in to the org as an admin: sf org login web --alias ${org} --instance-url ${context.loginUrl}`,
    `From ${plan.layout.projectDir}, deploy the folder: sf project deploy start --source-dir ${shellQuote(context.sourceDir)} ` +
      `--target-org ${org}. In a project with other metadata, deploy only these components: ` +
      `sf project deploy start --manifest ${shellQuote(projectRelative(plan.layout, plan.layout.manifestPath))} --target-org ${org}`,
  );
  if (plan.settings.createPermissionSets) {
    for (const name of plan.settings.permissionSets) {
      steps.push(
        `Assign the permission set to the integration user: sf org assign permset --name ${shellQuote(name)} ` +
          `--on-behalf-of ${shellQuote(context.username)} --target-org ${org}`,
      );
    }
  }
  steps.push(consumerKeyStep(context));
  return steps;
}

function consumerKeyStep(context: GuideContext): string {
  const { settings } = context.plan;
  if (settings.consumerKey !== undefined) {
    return `The consumer key is in the metadata: ${settings.consumerKey}. Nothing to copy.`;
  }
  const org = shellQuote(context.targetOrg);
  if (context.isEca) {
    return (
      'Copy the consumer key Salesforce generated: Setup, External Client App Manager, ' +
      `"${settings.label}", Settings tab, OAuth Settings, "Consumer Key and Secret" (Salesforce sends a verification code). ` +
      `Or retrieve it: sf project retrieve start --metadata ExtlClntAppGlobalOauthSettings:${settings.name}_glbloauth ` +
      `--target-org ${org}, then read <consumerKey>. Copy the key only, never the secret.`
    );
  }
  return (
    'Copy the consumer key Salesforce generated: Setup, App Manager, the arrow beside ' +
    `"${settings.label}", View, "Manage Consumer Details" (Salesforce sends a verification code). ` +
    `Or retrieve it: sf project retrieve start --metadata ConnectedApp:${settings.name} --target-org ${org}, ` +
    'then read <consumerKey>. Copy the key only, never the secret.'
  );
}
