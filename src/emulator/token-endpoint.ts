import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

import { SALESFORCE_ERRORS } from '../oauth/salesforce-errors.js';
import { toId18 } from './ids.js';
import { validateJwtGrant, type GrantOutcome } from './jwt-grant.js';
import { validatePasswordGrant } from './password-grant.js';
import type { RequestContext } from './server.js';
import { logValue, sendJson } from './http-io.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * Serves POST /services/oauth2/token. Only a form-encoded body counts: a
 * grant_type in the query string or a JSON body gets `unsupported_grant_type`,
 * as at Salesforce.
 */
export async function handleToken(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  context: RequestContext,
): Promise<void> {
  if (await applyFault(request, response, context)) {
    return;
  }
  const isForm = (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const form = new URLSearchParams(isForm ? body : '');
  const grantType = form.get('grant_type') ?? '';
  const label = grantLabel(grantType);
  const { state } = context;
  state.countTokenRequest(label);
  if (form.has('password') || form.has('client_secret')) {
    state.stats.passwordsReceived += 1;
  }

  let outcome: GrantOutcome;
  if (grantType === JWT_BEARER_GRANT) {
    outcome = validateJwtGrant(form.get('assertion') ?? undefined, state.config, state, request.socket.remoteAddress ?? '');
  } else if (grantType === 'password') {
    outcome = validatePasswordGrant(
      {
        clientId: form.get('client_id') ?? undefined,
        clientSecret: form.get('client_secret') ?? undefined,
        username: form.get('username') ?? undefined,
        password: form.get('password') ?? undefined,
      },
      state.config,
    );
  } else {
    outcome = { ok: false, answer: SALESFORCE_ERRORS.unsupportedGrantType };
  }
  respond(response, outcome, label, context);
}

function respond(response: ServerResponse, outcome: GrantOutcome, label: string, context: RequestContext): void {
  const user = outcome.username === undefined ? '' : ` user=${logValue(outcome.username)}`;
  if (!outcome.ok) {
    context.log(`POST /services/oauth2/token grant=${label} status=400 error=${outcome.answer.error} ` +
      `description="${outcome.answer.description}"${user}`);
    sendJson(response, 400, { error: outcome.answer.error, error_description: outcome.answer.description });
    return;
  }
  const { state, baseUrl } = context;
  const session = state.openSession(outcome.app, outcome.username);
  const userRecord = state.findUser(outcome.username);
  const identity = `${baseUrl}/id/${toId18(state.config.org.orgId)}/${toId18(userRecord?.userId ?? '')}`;
  const common = { access_token: session.accessToken, instance_url: baseUrl, id: identity, token_type: 'Bearer' };
  if (label === 'jwt-bearer') {
    state.stats.jwtExchanges += 1;
    const scope = outcome.app.scopes.filter((name) => name !== 'refresh_token' && name !== 'offline_access');
    const { access_token, ...rest } = common;
    sendJson(response, 200, { access_token, scope: scope.join(' '), ...rest });
  } else {
    const issuedAt = String(state.now());
    const signature = createHmac('sha256', outcome.app.consumerSecret ?? '').update(identity + issuedAt).digest('base64');
    sendJson(response, 200, { ...common, issued_at: issuedAt, signature });
  }
  context.log(`POST /services/oauth2/token grant=${label} status=200 outcome=issued user=${logValue(outcome.username)}`);
}

/** Consumes the next injected fault, if any; returns true when the fault ended the request. */
async function applyFault(request: IncomingMessage, response: ServerResponse, context: RequestContext): Promise<boolean> {
  const fault = context.state.faults.shift();
  if (fault === undefined) {
    return false;
  }
  if (fault.kind === 'delay') {
    await delay(fault.milliseconds);
    return false;
  }
  if (fault.kind === 'drop') {
    context.log('POST /services/oauth2/token fault=drop');
    request.socket.destroy();
    return true;
  }
  context.log(`POST /services/oauth2/token fault=status status=${fault.status}`);
  response.writeHead(fault.status, { 'content-type': 'text/html' });
  response.end('<html><body>Service Unavailable</body></html>');
  return true;
}

function grantLabel(grantType: string): string {
  if (grantType === JWT_BEARER_GRANT) {
    return 'jwt-bearer';
  }
  if (grantType === 'password') {
    return 'password';
  }
  return grantType === '' ? 'none' : 'other';
}
