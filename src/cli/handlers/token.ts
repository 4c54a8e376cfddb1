import { getAccessToken, type JwtLoginResult } from '../../token/get-access-token.js';
import { maskAccessToken } from '../../util/redact.js';
import { resolveJwtSettings, type JwtArgs } from '../jwt-options.js';
import { loginOptionsWithoutKey, prepareLogin } from '../login-options.js';
import { readTextFile } from '../../util/read-text.js';
import { exchangePresigned } from '../../token/exchange-presigned.js';
import { printJson, printLines, printWarning, type Io } from '../output.js';
import { preflightChecks } from './preflight.js';
import { compareClock } from '../../doctor/clock.js';
import { describeSettings } from '../../config/describe-settings.js';

interface TokenArgs extends JwtArgs {
  'show-token'?: boolean;
  'assertion-file'?: string;
}

/** Runs `sfjwt token`; returns the exit code. */
export async function runToken(args: TokenArgs, io: Io): Promise<number> {
  const { settings, warnings } = resolveJwtSettings(args, io);
  warnings.forEach((warning) => printWarning(io, warning));
  const verbose = args.verbose === true;
  if (verbose) {
    describeSettings(settings).forEach((line) => io.stderr(`Setting ${line}\n`));
  }
  const onRetry = (attempt: number, reason: string): void => {
    if (verbose) {
      io.stderr(`Retry ${attempt} after ${reason}\n`);
    }
  };
  let result: JwtLoginResult;
  if (args['assertion-file'] === undefined) {
    const { options, key } = await prepareLogin(args, settings, io);
    const advice = await preflightChecks({ args, key, options, io });
    result = await getAccessToken({ ...options, advice, onRetry });
  } else {
    const assertion = (await readTextFile(args['assertion-file'], 'assertion')).trim();
    result = await exchangePresigned(assertion, loginOptionsWithoutKey(args, settings), onRetry);
  }
  if (verbose) {
    io.stderr(`Token URL ${result.endpoint.tokenEndpoint}: ${result.endpoint.rule}\n`);
  }
  const clock = compareClock(result.serverDate, Date.now());
  if (clock !== undefined && clock.status !== 'pass') {
    printWarning(io, `The local clock differs from the server's by ${clock.skewSeconds} s; assertions live 180 s, so synchronise it with NTP.`);
  }
  const showToken = args['show-token'] === true;
  if (args.json === true) {
    printJson(io, tokenJson(result, showToken));
  } else {
    printLines(io, tokenLines(result, showToken));
  }
  return 0;
}

function tokenJson(result: JwtLoginResult, showToken: boolean): Record<string, unknown> {
  const { token } = result;
  return {
    access_token: showToken ? token.access_token : maskAccessToken(token.access_token),
    instance_url: token.instance_url,
    id: token.id,
    token_type: token.token_type,
    scope: token.scope,
    tokenEndpoint: result.endpoint.tokenEndpoint,
    endpointKind: result.endpoint.kind,
    audience: result.audience,
    audienceDerived: result.audienceDerived,
    attempts: result.attempts,
    ...(result.fallback === undefined ? {} : { fallback: result.fallback }),
  };
}

function tokenLines(result: JwtLoginResult, showToken: boolean): string[] {
  const { token } = result;
  const lines = [
    'Access token obtained through the JWT bearer flow; no password was sent.',
    `  Instance URL:  ${token.instance_url}`,
    `  Identity URL:  ${token.id}`,
    `  Token URL:     ${result.endpoint.tokenEndpoint} (${result.endpoint.kind})`,
    `  Audience:      ${result.audience}${result.audienceDerived ? ' (derived from the token URL)' : ''}`,
    `  Scope:         ${token.scope ?? '(none returned)'}`,
    `  Access token:  ${showToken ? token.access_token : `${maskAccessToken(token.access_token)} (--show-token prints it)`}`,
  ];
  if (result.fallback !== undefined) {
    lines.push(
      `Audience ${result.fallback.refusedAudience} was refused (${result.fallback.refusedCode}); ` +
        `${result.audience} worked. Pin it with --audience ${result.audience} or SF_AUDIENCE_URL.`,
    );
  }
  return lines;
}
