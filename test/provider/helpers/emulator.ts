import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { startEmulator, type RunningEmulator } from '../../../src/emulator/server.js';
import type { TokenProviderOptions } from '../../../src/provider/token-provider.js';

export const KEY_PATH = resolve('test/fixtures/keys/pkcs8.pem');
export const CERT_PATH = resolve('test/fixtures/keys/pkcs8.crt');
export const USERNAME = 'integration@example.com';

/** An emulator with one External Client App that trusts the fixture certificate, and its login settings. */
export interface EmulatorFixture {
  emulator: RunningEmulator;
  consumerKey: string;
  /** Options for createTokenProvider that log in as USERNAME through the emulator. */
  login: TokenProviderOptions;
  log: string[];
}

/** Starts an emulator for one test file; call `emulator.close()` afterwards. */
export async function startFixtureEmulator(extraUsers: string[] = []): Promise<EmulatorFixture> {
  const log: string[] = [];
  const emulator = await startEmulator({
    config: {
      apps: [{ certificate: readFileSync(CERT_PATH, 'utf8'), profiles: ['Integration User'] }],
      users: [USERNAME, ...extraUsers].map((username) => ({ username })),
    },
    log: (line) => log.push(line),
  });
  const consumerKey = emulator.config.apps[0]!.consumerKey;
  return {
    emulator,
    consumerKey,
    log,
    login: {
      clientId: consumerKey,
      username: USERNAME,
      privateKey: { path: KEY_PATH },
      loginUrl: emulator.url,
      audience: 'https://login.salesforce.com',
    },
  };
}
