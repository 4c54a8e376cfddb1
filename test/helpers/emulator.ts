import type { EmulatorConfigInput } from '../../src/emulator/config.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { fixtureCertificate } from './fixtures.js';

export const TEST_USERNAME = 'integration@example.com';
export const TEST_PROFILE = 'Integration User';

/** An emulator with one app (the fixture certificate, the test profile assigned) and one user. */
export interface TestEmulator extends RunningEmulator {
  consumerKey: string;
  /** Every line the emulator logged. */
  logLines: string[];
}

/** Starts an emulator for one test; `overrides` replaces parts of the default configuration. */
export async function startTestEmulator(overrides: EmulatorConfigInput = {}, now?: () => number): Promise<TestEmulator> {
  const logLines: string[] = [];
  const config: EmulatorConfigInput = {
    org: { ...overrides.org },
    apps: overrides.apps ?? [{ label: 'Test app', certificate: fixtureCertificate, profiles: [TEST_PROFILE] }],
    users: overrides.users ?? [{ username: TEST_USERNAME, profile: TEST_PROFILE }],
  };
  const emulator = await startEmulator({ config, log: (line) => logLines.push(line), ...(now === undefined ? {} : { now }) });
  const consumerKey = emulator.config.apps[0]?.consumerKey ?? '';
  return Object.assign(emulator, { consumerKey, logLines });
}
