import { timingSafeEqual } from 'node:crypto';

import { SALESFORCE_ERRORS } from '../oauth/salesforce-errors.js';
import type { EmulatorConfig } from './config.js';
import type { GrantOutcome } from './jwt-grant.js';

/** Form fields of a username-password grant request. */
export interface PasswordGrantForm {
  clientId?: string;
  clientSecret?: string;
  username?: string;
  /** The password with the security token appended, as Salesforce expects. */
  password?: string;
}

/**
 * Validates an OAuth username-password grant the way a Salesforce org does.
 * An org that blocks the flow, and every External Client App, returns
 * `authentication failure`, the same as a wrong password.
 */
export function validatePasswordGrant(form: PasswordGrantForm, config: EmulatorConfig): GrantOutcome {
  const app = config.apps.find((candidate) => candidate.consumerKey === form.clientId && candidate.installed);
  if (app === undefined) {
    return { ok: false, answer: SALESFORCE_ERRORS.invalidClientId };
  }
  if (app.consumerSecret === undefined || !safeEqual(form.clientSecret, app.consumerSecret)) {
    return { ok: false, answer: SALESFORCE_ERRORS.invalidClient };
  }
  if (config.org.passwordFlowBlocked || app.kind === 'external-client-app') {
    return { ok: false, answer: SALESFORCE_ERRORS.authenticationFailure };
  }
  const user = config.users.find((candidate) => candidate.username === form.username);
  const expected = user?.password === undefined ? undefined : user.password + (user.securityToken ?? '');
  if (user === undefined || expected === undefined || !safeEqual(form.password, expected) || !user.active) {
    return { ok: false, answer: SALESFORCE_ERRORS.authenticationFailure };
  }
  return { ok: true, app, username: user.username };
}

function safeEqual(given: string | undefined, expected: string): boolean {
  const left = Buffer.from(given ?? '');
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
