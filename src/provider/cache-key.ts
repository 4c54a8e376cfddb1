import { createHash } from 'node:crypto';

/**
 * Names the cache entry of one (token URL, consumer key, username) triple. The
 * hash keeps usernames out of Redis key names and gives every key one length.
 */
export function tokenCacheKey(tokenEndpoint: string, clientId: string, username: string): string {
  return createHash('sha256').update(`${tokenEndpoint}\n${clientId}\n${username}`).digest('base64url');
}
