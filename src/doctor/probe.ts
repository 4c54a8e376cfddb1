import { RequestError } from 'got';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { INVALID_SESSION_BODY } from '../oauth/salesforce-errors.js';
import { httpClient } from '../oauth/http.js';

const client = httpClient.extend({ timeout: { request: 10_000 } });

export interface ProbeResult {
  status?: number;
  serverDate?: string;
  error?: SfjwtError;
}

/** GETs /services/data on the login host: any HTTP response proves it is reachable and carries a Date header. */
export async function probeEndpoint(baseUrl: string): Promise<ProbeResult> {
  try {
    const response = await client.get(`${baseUrl}/services/data`);
    const serverDate = response.headers.date;
    return { status: response.statusCode, ...(serverDate === undefined ? {} : { serverDate }) };
  } catch (error) {
    const code = error instanceof RequestError ? error.code : 'UNKNOWN';
    return {
      error: new SfjwtError('ERR_HTTP_UNREACHABLE', `Could not reach ${baseUrl} (${code}).`, { details: { url: baseUrl, reason: code } }),
    };
  }
}

/** Calls userinfo with the access token; the token goes only into the Authorization header. */
export async function fetchUserInfo(instanceUrl: string, accessToken: string): Promise<{ username?: string; error?: SfjwtError }> {
  const url = `${instanceUrl}/services/oauth2/userinfo`;
  try {
    const response = await client.get(url, { headers: { authorization: `Bearer ${accessToken}` } });
    if (response.statusCode === 401) {
      return {
        error: new SfjwtError('ERR_SESSION_INVALID', `${url} returned 401 ${INVALID_SESSION_BODY[0].errorCode} right after the exchange.`, { details: { url } }),
      };
    }
    const body = JSON.parse(response.body) as { preferred_username?: string };
    return body.preferred_username === undefined ? {} : { username: body.preferred_username };
  } catch (error) {
    const code = error instanceof RequestError ? error.code : (error as Error).name;
    return { error: new SfjwtError('ERR_HTTP_UNEXPECTED_RESPONSE', `userinfo at ${url} failed (${code}).`, { details: { url } }) };
  }
}
