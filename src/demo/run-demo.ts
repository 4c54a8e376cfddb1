import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '../emulator/server.js';
import { loadPrivateKey } from '../keys/load-key.js';
import { getAccessToken, type JwtLoginResult } from '../token/get-access-token.js';
import { fetchUserInfo } from '../doctor/probe.js';
import { SfjwtError } from '../errors/sfjwt-error.js';
import { maskAccessToken } from '../util/redact.js';
import { generateKeyPairAndCertificate } from '../cert/generate.js';
import { writeKeyPair } from '../cert/write-key-pair.js';

export const DEMO_USERNAME = 'demo.integration@example.com';
const DEMO_PROFILE = 'Integration User';

/** Outcome of the demo, for its last line and for tests. */
export interface DemoResult {
  username: string;
  instanceUrl: string;
  /** Requests the emulator received that carried a password or client secret field: always 0. */
  passwordsReceived: number;
  jwtExchanges: number;
}

/**
 * Runs the main job end to end on the embedded emulator: a new key pair in a
 * temporary folder, the certificate registered with an emulated app, a
 * signed assertion exchanged for a token, and a userinfo call with it.
 * `step` receives one line per step; the temporary folder is always removed.
 */
export async function runDemo(step: (line: string) => void): Promise<DemoResult> {
  const folder = await mkdtemp(join(tmpdir(), 'sfjwt-demo-'));
  let emulator: RunningEmulator | undefined;
  try {
    const pair = await generateKeyPairAndCertificate({ subject: { commonName: 'sfjwt demo' } });
    const { keyPath } = await writeKeyPair(pair, { dir: folder });
    step(`1. Generated an RSA ${pair.bits}-bit key pair and a self-signed SHA-256 certificate in ${folder}`);
    step(`   certificate SHA-256 ${pair.fingerprint}`);

    emulator = await startEmulator({
      config: {
        apps: [{ label: 'sfjwt demo', certificate: pair.certificatePem, profiles: [DEMO_PROFILE] }],
        users: [{ username: DEMO_USERNAME, profile: DEMO_PROFILE }],
      },
    });
    const consumerKey = emulator.config.apps[0]?.consumerKey ?? '';
    step(`2. Started the Salesforce emulator on ${emulator.url} and uploaded the certificate to an app`);
    step(`   consumer key ${consumerKey}`);

    const { privateKey, format } = await loadPrivateKey({ path: keyPath });
    step(`3. Loaded the private key (${format}) from ${keyPath}`);

    const login = await getAccessToken({ clientId: consumerKey, username: DEMO_USERNAME, privateKey, loginUrl: emulator.url });
    step(`4. Signed an RS256 assertion ${describeClaims(login)} and exchanged it`);
    step(`   access token ${maskAccessToken(login.token.access_token)}, instance ${login.token.instance_url}`);

    const info = await fetchUserInfo(login.token.instance_url, login.token.access_token);
    if (info.error !== undefined) {
      throw info.error;
    }
    step(`5. Called userinfo with the token: logged in as ${info.username ?? '?'}`);

    const { passwordsReceived, jwtExchanges } = emulator.state.stats;
    if (passwordsReceived !== 0) {
      throw new SfjwtError('ERR_INTERNAL', `The emulator received ${passwordsReceived} requests with a password field.`);
    }
    step('6. The emulator received no password and no client secret in any request');
    return { username: info.username ?? DEMO_USERNAME, instanceUrl: login.token.instance_url, passwordsReceived, jwtExchanges };
  } finally {
    await emulator?.close();
    await rm(folder, { recursive: true, force: true });
  }
}

function describeClaims(login: JwtLoginResult): string {
  const { claims } = login;
  return `(iss=consumer key, sub=${claims.sub}, aud=${claims.aud}, exp=${claims.exp})`;
}
