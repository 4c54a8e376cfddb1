import type { IncomingMessage, ServerResponse } from 'node:http';

import { INVALID_SESSION_BODY, SALESFORCE_ERRORS } from '../oauth/salesforce-errors.js';
import { toId18 } from './ids.js';
import type { RequestContext } from './server.js';
import type { Session } from './state.js';
import { bearerToken, logValue, sendJson } from './http-io.js';

/** API versions the emulator lists at /services/data. */
const API_VERSIONS = ['59.0', '60.0', '61.0', '62.0', '63.0', '64.0', '65.0', '66.0'];

/**
 * Serves revoke, userinfo, the identity URL and a few REST resources. Every
 * resource but revoke needs a live bearer token; otherwise the response is 401
 * with Salesforce's INVALID_SESSION_ID body.
 */
export function handleRest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  body: string,
  context: RequestContext,
): void {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/services/oauth2/revoke' && request.method === 'POST') {
    revoke(response, body, url, context);
    return;
  }
  if (path === '/services/data' && request.method === 'GET') {
    sendJson(response, 200, API_VERSIONS.map((version) => ({
      label: `API ${version}`, url: `/services/data/v${version}`, version,
    })));
    return;
  }
  const session = context.state.useSession(bearerToken(request));
  if (session === undefined) {
    context.log(`${request.method ?? '?'} ${path} status=401 error=INVALID_SESSION_ID`);
    sendJson(response, 401, INVALID_SESSION_BODY);
    return;
  }
  const served = serveAuthenticated(request, response, path, url, session, context);
  context.log(`${request.method ?? '?'} ${path} status=${served ? 200 : 404} user=${logValue(session.username)}`);
}

function serveAuthenticated(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  url: URL,
  session: Session,
  context: RequestContext,
): boolean {
  if (request.method !== 'GET') {
    sendJson(response, 405, [{ message: `HTTP Method '${request.method ?? ''}' not allowed`, errorCode: 'METHOD_NOT_ALLOWED' }]);
    return false;
  }
  if (path === '/services/oauth2/userinfo' || path.startsWith('/id/')) {
    sendJson(response, 200, userInfo(session, context));
    return true;
  }
  const version = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
  if (version?.[2] === undefined && version !== null) {
    const base = `/services/data/v${version[1]}`;
    // Salesforce lists the caller's identity URL among the resources; jsforce's identity() reads it there.
    const identity = userInfo(session, context).sub;
    sendJson(response, 200, { identity, limits: `${base}/limits`, query: `${base}/query`, sobjects: `${base}/sobjects` });
    return true;
  }
  if (version?.[2] === '/query') {
    // An empty result set: the emulator stores no records, but clients can exercise auth and retries.
    sendJson(response, 200, { totalSize: 0, done: true, records: [], query: url.searchParams.get('q') ?? '' });
    return true;
  }
  sendJson(response, 404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
  return false;
}

function userInfo(session: Session, context: RequestContext): Record<string, unknown> {
  const { config } = context.state;
  const user = context.state.findUser(session.username);
  const orgId = toId18(config.org.orgId);
  const userId = toId18(user?.userId ?? '');
  return {
    sub: `${context.baseUrl}/id/${orgId}/${userId}`,
    user_id: userId,
    organization_id: orgId,
    preferred_username: session.username,
    email: session.username,
    active: user?.active ?? false,
    urls: { rest: `${context.baseUrl}/services/data/v{version}/` },
  };
}

function revoke(response: ServerResponse, body: string, url: URL, context: RequestContext): void {
  const token = new URLSearchParams(body).get('token') ?? url.searchParams.get('token') ?? undefined;
  const session = token === undefined ? undefined : context.state.sessions.get(token);
  if (session === undefined) {
    context.log('POST /services/oauth2/revoke status=400 error=invalid_token');
    sendJson(response, 400, {
      error: SALESFORCE_ERRORS.invalidToken.error,
      error_description: SALESFORCE_ERRORS.invalidToken.description,
    });
    return;
  }
  session.revoked = true;
  context.log(`POST /services/oauth2/revoke status=200 user=${logValue(session.username)}`);
  response.writeHead(200, { 'content-length': 0 });
  response.end();
}
