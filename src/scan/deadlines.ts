/**
 * Retirement dates of the password logins, from Salesforce Help article
 * 005461976 (OAuth username-password flow) and the SOAP API release notes.
 */

import type { DeadlineNotice, Mechanism } from './types.js';

const OAUTH_PASSWORD: DeadlineNotice = {
  mechanism: 'oauth-password',
  date: '2027-02-20',
  text:
    'Salesforce retires the OAuth username-password flow for connected apps on 20 February 2027, ' +
    "with no extension. Orgs created in Summer '23 or later block it by default, and External " +
    'Client Apps never support it.',
};

const SOAP_LOGIN: DeadlineNotice = {
  mechanism: 'soap-login',
  date: "Summer '27",
  text:
    "SOAP API login() is retired for API versions 31.0 to 64.0 in Summer '27. It is absent from " +
    'API 65.0 on and disabled by default in new orgs.',
};

/**
 * Returns the deadlines that apply to findings of `mechanisms`. Stored
 * credentials feed one of the two logins, so they bring in both dates.
 */
export function deadlinesFor(mechanisms: ReadonlySet<Mechanism>): DeadlineNotice[] {
  const notices: DeadlineNotice[] = [];
  if (mechanisms.has('oauth-password') || mechanisms.has('credentials')) {
    notices.push(OAUTH_PASSWORD);
  }
  if (mechanisms.has('soap-login') || mechanisms.has('credentials')) {
    notices.push(SOAP_LOGIN);
  }
  return notices;
}

/** Returns the deadline of one mechanism, for per-finding advice. */
export function deadlineOf(mechanism: Exclude<Mechanism, 'credentials'>): DeadlineNotice {
  return mechanism === 'oauth-password' ? OAUTH_PASSWORD : SOAP_LOGIN;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Writes an ISO date as `20 February 2027`; a release name such as `Summer '27` is returned as it is. */
export function formatDeadlineDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) {
    return date;
  }
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}
