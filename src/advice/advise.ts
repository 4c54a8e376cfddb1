import { CATALOGUE, type ErrorCode } from '../errors/catalogue.js';
import type { EndpointFamily, EndpointKind } from '../oauth/endpoints.js';
import { looksLikeSandboxUsername } from './sandbox-username.js';
import { compareClock } from '../doctor/clock.js';

/** Context of a token request that Salesforce rejected. */
export interface AdviceContext {
  tokenEndpoint: string;
  audience: string;
  /** Whether sfjwt derived the audience from the token URL. */
  audienceDerived?: boolean;
  endpointKind?: EndpointKind;
  endpointFamily?: EndpointFamily;
  username?: string;
  /** SHA-256 fingerprint of the certificate at hand, when one was given. */
  certificateFingerprint?: string;
  /** Minutes since the app was last edited, when the caller knows it. */
  appEditedMinutesAgo?: number;
  /** The user's profile, when the caller knows it. */
  userProfile?: string;
  /** The `Date` header of the rejecting response, to measure clock skew. */
  serverDate?: string;
}

const MENU_POLICIES =
  'Setup, App Manager (or External Client App Manager), the app, Edit Policies / Policies tab';

/**
 * Returns ranked actions for a refused token request: the most likely cause
 * for this context first, then the catalogue's general fixes.
 */
export function adviseOAuthError(code: ErrorCode, context: AdviceContext): string[] {
  const specific = ADVISERS[code]?.(context) ?? [];
  const used = `Used token URL ${context.tokenEndpoint} and audience ${context.audience}` +
    `${context.audienceDerived === true ? ' (derived from the token URL)' : ''}.`;
  return [...dedupe([...specific, ...CATALOGUE[code].actions]), used];
}

type Adviser = (context: AdviceContext) => string[];

const ADVISERS: Partial<Record<ErrorCode, Adviser>> = {
  ERR_OAUTH_USER_NOT_APPROVED: (context) => {
    const actions: string[] = [];
    if (looksLikeSandboxUsername(context.username) && context.endpointFamily !== 'sandbox') {
      actions.push(
        `The username ${context.username ?? ''} looks like a sandbox user but the endpoint is not a sandbox: ` +
          'use --login-url https://test.salesforce.com or the sandbox My Domain.',
      );
    }
    actions.push(
      `Set Permitted Users to "Admin approved users are pre-authorized" (${MENU_POLICIES}, OAuth Policies) ` +
        "and assign the user's profile or permission set.",
      'With "All users may self-authorize", JWT works only after the user approved the app once in a flow ' +
        'that requested the refresh_token scope; pre-authorization avoids that.',
    );
    return actions;
  },
  ERR_OAUTH_APP_ACCESS_DENIED: (context) => [
    `Assign the profile ${context.userProfile === undefined ? "of the user" : `"${context.userProfile}"`}` +
      ` or a permission set of ${context.username ?? 'the user'} to the app (${MENU_POLICIES}, Profiles / Permission Sets).`,
  ],
  ERR_OAUTH_INVALID_CLIENT_ID: (context) =>
    context.appEditedMinutesAgo !== undefined && context.appEditedMinutesAgo < 10
      ? [`The app was edited ${context.appEditedMinutesAgo} minutes ago; connected-app changes take up to 10 minutes. Wait, then try once.`]
      : [],
  ERR_OAUTH_INVALID_ASSERTION: (context) =>
    context.certificateFingerprint === undefined
      ? ['Pass --cert with the certificate uploaded to the app so sfjwt checks the pair before sending.']
      : [`Compare the uploaded certificate with ${context.certificateFingerprint} (SHA-256); upload that one if they differ.`],
  ERR_OAUTH_AUDIENCE_INVALID: audienceAdvice,
  ERR_OAUTH_APP_NOT_FOUND: audienceAdvice,
  ERR_OAUTH_ASSERTION_EXPIRED: (context) => {
    const clock = compareClock(context.serverDate, Date.now());
    const measured = clock === undefined || clock.skewSeconds >= 0
      ? []
      : [`The local clock is ${-clock.skewSeconds} s behind the server's Date header; synchronise it with NTP.`];
    return [...measured, 'Check the local clock against an NTP server: `date -u` should match UTC.'];
  },
};

function audienceAdvice(context: AdviceContext): string[] {
  const isMyDomain = context.endpointKind === 'production-my-domain' || context.endpointKind === 'sandbox-my-domain';
  if (isMyDomain && context.audience !== context.tokenEndpoint.replace(/\/services\/oauth2\/token$/, '')) {
    const myDomain = context.tokenEndpoint.replace(/\/services\/oauth2\/token$/, '');
    return [`Try the My Domain as audience: --audience ${myDomain} (or --audience-fallback to try it once automatically).`];
  }
  return [];
}

function dedupe(actions: string[]): string[] {
  return [...new Set(actions)];
}
