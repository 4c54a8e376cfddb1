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
 * Returns ranked actions for a rejected token request. An adviser for the
 * code ranks every fix for this context, most likely first, and codes
 * without one get the catalogue's actions. The last line names the endpoint
 * and audience that were used.
 */
export function adviseOAuthError(code: ErrorCode, context: AdviceContext): string[] {
  const ranked = ADVISERS[code]?.(context) ?? [...CATALOGUE[code].actions];
  const used = `Used token URL ${context.tokenEndpoint} and audience ${context.audience}` +
    `${context.audienceDerived === true ? ' (derived from the token URL)' : ''}.`;
  return [...dedupe(ranked), used];
}

type Adviser = (context: AdviceContext) => string[];

const PRE_AUTHORIZE =
  `Set Permitted Users to "Admin approved users are pre-authorized" (${MENU_POLICIES}, OAuth Policies) ` +
  "and assign the user's profile or permission set.";
const SELF_AUTHORIZE =
  'With "All users may self-authorize", JWT works only after the user approved the app once in a flow ' +
  'that requested the refresh_token scope; pre-authorization avoids that.';

const ADVISERS: Partial<Record<ErrorCode, Adviser>> = {
  ERR_OAUTH_USER_NOT_APPROVED: (context) => {
    const sandboxUser = looksLikeSandboxUsername(context.username) && context.endpointFamily !== 'sandbox';
    if (sandboxUser) {
      return [
        `The username ${context.username ?? ''} looks like a sandbox user but the endpoint is not a sandbox: ` +
          'use --login-url https://test.salesforce.com or the sandbox My Domain.',
        PRE_AUTHORIZE,
        SELF_AUTHORIZE,
      ];
    }
    return [
      PRE_AUTHORIZE,
      SELF_AUTHORIZE,
      'If the user belongs to a sandbox, use --login-url https://test.salesforce.com or the sandbox My Domain.',
      'A user or org created minutes ago may still be replicating: wait, then try once.',
    ];
  },
  ERR_OAUTH_APP_ACCESS_DENIED: (context) => {
    const profile = context.userProfile === undefined
      ? `the profile of ${context.username ?? 'the user'} (Setup, Users, the user, Profile)`
      : `the profile "${context.userProfile}" of ${context.username ?? 'the user'}`;
    return [
      `Assign ${profile} or one of the user's permission sets to the app (${MENU_POLICIES}, Profiles / Permission Sets).`,
    ];
  },
  ERR_OAUTH_INVALID_CLIENT_ID: (context) => {
    const copy = CATALOGUE.ERR_OAUTH_INVALID_CLIENT_ID.actions[0] ?? '';
    const edited = context.appEditedMinutesAgo;
    if (edited !== undefined && edited < 10) {
      return [`The app was edited ${edited} minutes ago; connected-app changes take up to 10 minutes. Wait, then try once.`, copy];
    }
    return [...CATALOGUE.ERR_OAUTH_INVALID_CLIENT_ID.actions];
  },
  ERR_OAUTH_INVALID_ASSERTION: (context) => [
    context.certificateFingerprint === undefined
      ? 'Run `sfjwt cert check --key KEY --cert CERT` with the certificate uploaded to the app, or pass --cert so sfjwt checks the pair before sending.'
      : `Compare the certificate uploaded to the app with SHA-256 ${context.certificateFingerprint}; upload this one if they differ.`,
    "Upload the certificate that belongs to the key (the app's JWT Bearer Flow settings).",
  ],
  ERR_OAUTH_AUDIENCE_INVALID: (context) => [
    ...myDomainAudience(context),
    ...CATALOGUE.ERR_OAUTH_AUDIENCE_INVALID.actions,
  ],
  ERR_OAUTH_APP_NOT_FOUND: (context) => [
    ...myDomainAudience(context),
    ...CATALOGUE.ERR_OAUTH_APP_NOT_FOUND.actions.filter((action) => myDomainAudience(context).length === 0 || !action.startsWith('Try the My Domain')),
  ],
  ERR_OAUTH_ASSERTION_EXPIRED: (context) => {
    const clock = compareClock(context.serverDate, Date.now());
    const measured = clock === undefined || clock.skewSeconds >= 0
      ? 'Check the local clock against an NTP server: `date -u` should match UTC.'
      : `The local clock is ${-clock.skewSeconds} s behind the server's Date header; synchronise it with NTP.`;
    return [measured, 'sfjwt emits `exp` in whole seconds, now plus 180 s; a hand-made assertion must do the same.'];
  },
};

/** Returns the My Domain audience to try when a My Domain token URL was used with login or test. */
function myDomainAudience(context: AdviceContext): string[] {
  const isMyDomain = context.endpointKind === 'production-my-domain' || context.endpointKind === 'sandbox-my-domain';
  const myDomain = context.tokenEndpoint.replace(/\/services\/oauth2\/token$/, '');
  if (!isMyDomain || context.audience === myDomain) {
    return [];
  }
  return [`Try the My Domain as audience: --audience ${myDomain} (or --audience-fallback auto to try it once automatically).`];
}

function dedupe(actions: string[]): string[] {
  return [...new Set(actions)];
}
