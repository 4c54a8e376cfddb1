import { PRODUCTION_LOGIN_URL, SANDBOX_LOGIN_URL } from '../../oauth/endpoints.js';
import { projectRelative } from '../layout.js';
import type { SetupPlan } from '../run-setup.js';

/** Way of applying the app: deploy the files with the Salesforce CLI, or click through Setup. */
export type GuideSteps = 'deploy' | 'manual';

export interface GuideOptions {
  steps?: GuideSteps;
  /** Username of the integration user, for the env file and the doctor command. */
  username?: string;
  /** The private key file the integration signs with (never read by setup). */
  keyFile: string;
  /** The certificate file, for the manual upload step. */
  certFile: string;
  /** Token URL; login.salesforce.com or test.salesforce.com from the org type unless set. */
  loginUrl?: string;
  /** Salesforce CLI alias of the target org in the commands shown. */
  targetOrg?: string;
}

/** Values that every guide section reads. */
export interface GuideContext {
  plan: SetupPlan;
  steps: GuideSteps;
  username: string;
  usernameKnown: boolean;
  keyFile: string;
  certFile: string;
  loginUrl: string;
  targetOrg: string;
  /** Source folder relative to the project folder, as `sf project deploy start` takes it. */
  sourceDir: string;
  isEca: boolean;
  /** "External Client App" or "connected app", for sentences. */
  appKind: string;
}

export const DEFAULT_TARGET_ORG = 'jwt-setup';
const USERNAME_PLACEHOLDER = 'integration.user@example.com';

export function buildGuideContext(plan: SetupPlan, options: GuideOptions): GuideContext {
  const isEca = plan.settings.route === 'external-client-app';
  const defaultLoginUrl = plan.settings.orgType === 'sandbox' ? SANDBOX_LOGIN_URL : PRODUCTION_LOGIN_URL;
  return {
    plan,
    steps: options.steps ?? 'deploy',
    username: options.username ?? USERNAME_PLACEHOLDER,
    usernameKnown: options.username !== undefined,
    keyFile: options.keyFile,
    certFile: options.certFile,
    loginUrl: options.loginUrl ?? defaultLoginUrl,
    targetOrg: options.targetOrg ?? DEFAULT_TARGET_ORG,
    sourceDir: projectRelative(plan.layout, plan.layout.sourceDir),
    isEca,
    appKind: isEca ? 'External Client App' : 'connected app',
  };
}
