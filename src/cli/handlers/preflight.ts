import type { AdviceContext } from '../../advice/advise.js';
import { readTextFile } from '../../util/read-text.js';
import { sandboxUserWarning } from '../../advice/sandbox-username.js';
import { resolveAudience } from '../../oauth/audience.js';
import type { LoadedKey } from '../../keys/load-key.js';
import { classifyLoginUrl, PRODUCTION_LOGIN_URL } from '../../oauth/endpoints.js';
import type { JwtLoginOptions } from '../../token/get-access-token.js';
import type { JwtArgs } from '../jwt-options.js';
import { printWarning, type Io } from '../output.js';

interface PreflightInput {
  args: JwtArgs;
  key: LoadedKey;
  options: JwtLoginOptions;
  io: Io;
}

/**
 * Checks what can be checked before contacting anyone: the key against the
 * certificate (when one is at hand), and a sandbox-looking username against
 * a production endpoint. Returns the advice context for a later refusal.
 */
export async function preflightChecks(input: PreflightInput): Promise<Partial<AdviceContext>> {
  const { args, key, options, io } = input;
  key.warnings?.forEach((warning) => printWarning(io, warning));
  const certificatePem = args.cert === undefined ? key.certificatePem : await readTextFile(args.cert, 'certificate');
  const advice: Partial<AdviceContext> = {};
  if (certificatePem !== undefined) {
    const { assertKeyMatchesCertificate } = await import('../../cert/check.js');
    const labels = { key: args['key-file'] ?? 'the key', certificate: args.cert ?? 'the certificate in the key file' };
    advice.certificateFingerprint = assertKeyMatchesCertificate(key.privateKey, certificatePem, labels).fingerprint;
  }
  const endpoint = classifyLoginUrl(options.loginUrl ?? PRODUCTION_LOGIN_URL);
  const { audience } = resolveAudience(endpoint, options.audience);
  const warning = sandboxUserWarning(options.username, endpoint, audience);
  if (warning !== undefined) {
    printWarning(io, warning);
  }
  return advice;
}

