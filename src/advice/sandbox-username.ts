/**
 * Suffixes that Salesforce appends to usernames when it copies them into a
 * sandbox (the sandbox name), as commonly chosen by teams.
 */
const SANDBOX_SUFFIXES = ['dev', 'uat', 'qa', 'full', 'partial', 'staging', 'stage', 'test', 'sit', 'int', 'preprod', 'sandbox'];

/** Tells whether a username ends in a typical sandbox suffix, such as user@example.com.uat. */
export function looksLikeSandboxUsername(username: string | undefined): boolean {
  if (username === undefined) {
    return false;
  }
  const at = username.lastIndexOf('@');
  const domain = at < 0 ? '' : username.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  // The copy keeps the whole production username and adds one label after its top-level domain.
  return labels.length >= 3 && SANDBOX_SUFFIXES.includes(labels[labels.length - 1] ?? '');
}

/**
 * Returns a warning when a sandbox-looking username goes to a production
 * target: a production endpoint, or an endpoint of unknown family (custom
 * domain, emulator) with the production audience.
 */
export function sandboxUserWarning(
  username: string,
  endpoint: { family: string; baseUrl: string },
  audience: string,
): string | undefined {
  const productionTarget =
    endpoint.family === 'production' || (endpoint.family === 'unknown' && audience === 'https://login.salesforce.com');
  if (!looksLikeSandboxUsername(username) || !productionTarget) {
    return undefined;
  }
  return `The username ${username} looks like a sandbox user, but ${endpoint.baseUrl} with audience ${audience} targets production. ` +
    'Sandbox users log in at https://test.salesforce.com or the sandbox My Domain.';
}
