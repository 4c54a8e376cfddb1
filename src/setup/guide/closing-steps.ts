import type { GuideContext } from './context.js';
import { shellQuote } from './shell.js';

/** Returns the settings the integration needs after setup: no password, no client secret. */
export function integrationEnv(context: GuideContext): Record<string, string> {
  return {
    SF_CLIENT_ID: context.plan.settings.consumerKey ?? '<consumer key copied above>',
    SF_USERNAME: context.username,
    SF_LOGIN_URL: context.loginUrl,
    SF_JWT_KEY_FILE: context.keyFile,
  };
}

/** Returns the `sfjwt doctor` command that checks the whole chain once the app exists. */
export function doctorCommand(context: GuideContext): string {
  const clientId = context.plan.settings.consumerKey ?? 'CONSUMER_KEY';
  return [
    'sfjwt doctor',
    `--client-id ${shellQuote(clientId)}`,
    `--username ${shellQuote(context.username)}`,
    `--key-file ${shellQuote(context.keyFile)}`,
    `--login-url ${shellQuote(context.loginUrl)}`,
    `--cert ${shellQuote(context.certFile)}`,
  ].join(' ');
}

/**
 * Returns the first step of a manual route that creates permission sets: they
 * must exist before the app's policies can name them.
 */
export function permissionSetSteps(context: GuideContext): string[] {
  const { settings } = context.plan;
  if (context.steps !== 'manual' || !settings.createPermissionSets) {
    return [];
  }
  const several = settings.permissionSets.length > 1;
  return [
    `Create the permission set${several ? 's' : ''} ${settings.permissionSets.join(', ')} ` +
      '(Setup, Permission Sets, New; System Permissions "API Enabled"), or deploy only the permissionsets folder, ' +
      `then assign ${several ? 'them' : 'it'} to ${context.username} (Manage Assignments).`,
  ];
}

/** Returns the last steps of every route: env file, propagation, doctor. */
export function closingSteps(context: GuideContext): string[] {
  const steps: string[] = [];
  const env = Object.entries(integrationEnv(context)).map(([name, value]) => `    ${name}=${value}`);
  steps.push(
    ['Give the integration these settings (an env file or CI variables; no password, no client secret):', ...env].join('\n'),
    context.isEca
      ? 'External Client App changes take effect at once; the first login can follow the deploy directly.'
      : 'Connected app changes take up to 10 minutes to reach every Salesforce server: wait before the first login, ' +
          'because each refused attempt counts as a failed login.',
    `Check the whole chain once: ${doctorCommand(context)}` +
      `${context.usernameKnown ? '' : ' (with the real username in place of the placeholder)'}`,
  );
  return steps;
}
