import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { expect } from 'chai';
import { Redis } from 'ioredis';

import { isSfjwtError } from '../../src/errors/sfjwt-error.js';
import type { TokenResponse } from '../../src/oauth/exchange.js';
import { RedisTokenStore } from '../../src/provider/redis-store.js';
import { createTokenProvider, type TokenProviderOptions } from '../../src/provider/token-provider.js';
import { KEY_PATH, startFixtureEmulator, type EmulatorFixture } from './helpers/emulator.js';
import { useTestRedis, type TestRedis } from './helpers/redis.js';

const WORKER = resolve('build/test/provider/fixtures/fleet-worker.js');

interface WorkerReport {
  tokens: string[];
  errors: string[];
}

function fakeResponse(accessToken: string): TokenResponse {
  return { access_token: accessToken, instance_url: 'http://127.0.0.1', id: 'id', token_type: 'Bearer' };
}

describe('Redis token store', () => {
  let redis: TestRedis;
  let fixture: EmulatorFixture;

  before(async () => {
    redis = await useTestRedis();
  });

  after(async () => {
    // Undefined when the before hook failed to reach Redis.
    await (redis as TestRedis | undefined)?.stop();
  });

  beforeEach(async () => {
    fixture = await startFixtureEmulator();
  });

  afterEach(async () => {
    await fixture.emulator.close();
  });

  function sharedProvider(prefix: string, overrides: Partial<TokenProviderOptions> = {}) {
    return createTokenProvider({ ...fixture.login, store: redis.url, redis: { keyPrefix: prefix, pollIntervalMs: 10 }, ...overrides });
  }

  it('mints once for 4 processes of 250 calls', async function () {
    this.timeout(60_000);
    const keyPrefix = redis.prefix();
    const settings = {
      clientId: fixture.consumerKey,
      username: fixture.login.username,
      keyPath: KEY_PATH,
      loginUrl: fixture.emulator.url,
      redisUrl: redis.url,
      keyPrefix,
      calls: 250,
    };
    const workers = Array.from({ length: 4 }, () =>
      fork(WORKER, [], { env: { ...process.env, SFJWT_FLEET_WORKER: JSON.stringify(settings) }, stdio: 'inherit' }),
    );
    await Promise.all(workers.map((worker) => new Promise((ready) => worker.once('message', ready))));
    const reports = workers.map(
      (worker) => new Promise<WorkerReport>((done) => worker.once('message', (report) => done(report as WorkerReport))),
    );
    workers.forEach((worker) => worker.send('go'));

    const results = await Promise.all(reports);

    expect(results.flatMap((report) => report.errors)).to.deep.equal([]);
    expect(new Set(results.flatMap((report) => report.tokens)).size).to.equal(1);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('mints once for two stores on one key', async () => {
    const prefix = redis.prefix();
    const providers = [sharedProvider(prefix), sharedProvider(prefix)];
    const entries = await Promise.all(providers.flatMap((provider) => Array.from({ length: 25 }, () => provider.getToken())));

    expect(new Set(entries.map((entry) => entry.response.access_token)).size).to.equal(1);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
    await Promise.all(providers.map((provider) => provider.close()));
  });

  it('re-mints once when two stores see a 401', async () => {
    const prefix = redis.prefix();
    const [one, two] = [sharedProvider(prefix), sharedProvider(prefix)];
    const stale = (await one.getToken()).response.access_token;
    expect((await two.getToken()).response.access_token).to.equal(stale);
    fixture.emulator.state.expireAllSessions();

    const renewed = await Promise.all([one.invalidate(stale), two.invalidate(stale), one.invalidate(stale)]);

    expect(new Set(renewed.map((entry) => entry.response.access_token)).size).to.equal(1);
    expect(renewed[0]!.response.access_token).to.not.equal(stale);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
    await Promise.all([one.close(), two.close()]);
  });

  it('rejects a stale writer', async () => {
    const store = new RedisTokenStore({ url: redis.url, keyPrefix: redis.prefix() });
    const older = await store.nextVersion('key');
    const newer = await store.nextVersion('key');

    expect(await store.writeIfNewer('key', { response: fakeResponse('00Dnewer'), issuedAt: Date.now(), version: newer })).to.equal(true);
    expect(await store.writeIfNewer('key', { response: fakeResponse('00Dolder'), issuedAt: Date.now(), version: older })).to.equal(false);
    expect(await store.writeIfNewer('key', { response: fakeResponse('00Dsame'), issuedAt: Date.now(), version: newer })).to.equal(false);

    const stored = await store.get('key');
    expect(stored?.response.access_token).to.equal('00Dnewer');
    expect(stored?.version).to.equal(newer);
    await store.close();
  });

  it('keeps the newer token when a lock expires mid-mint', async () => {
    const keyPrefix = redis.prefix();
    const slow = new RedisTokenStore({ url: redis.url, keyPrefix, lockTtlMs: 100, pollIntervalMs: 10 });
    const fast = new RedisTokenStore({ url: redis.url, keyPrefix, lockTtlMs: 100, pollIntervalMs: 10 });
    const never = (): boolean => false;
    let releaseSlow: () => void = () => undefined;
    const slowMint = slow.getOrMint('key', never, async () => {
      await new Promise<void>((go) => {
        releaseSlow = go;
      });
      return fakeResponse('00Dslow');
    });
    await delay(200);

    const fastEntry = await fast.getOrMint('key', never, async () => fakeResponse('00Dfast'));
    releaseSlow();
    const slowEntry = await slowMint;

    expect(fastEntry.response.access_token).to.equal('00Dfast');
    expect(slowEntry.response.access_token).to.equal('00Dfast');
    expect((await fast.get('key'))?.response.access_token).to.equal('00Dfast');
    await Promise.all([slow.close(), fast.close()]);
  });

  it('shares one rejection across stores', async () => {
    const prefix = redis.prefix();
    const providers = [1, 2].map(() => sharedProvider(prefix, { username: 'unknown@example.com' }));

    const outcomes = await Promise.allSettled(providers.flatMap((provider) => [provider.getToken(), provider.getToken()]));

    expect(fixture.emulator.state.stats.tokenRequests['jwt-bearer']).to.equal(1);
    for (const outcome of outcomes) {
      const reason = (outcome as PromiseRejectedResult).reason as unknown;
      expect(isSfjwtError(reason, 'ERR_OAUTH_USER_NOT_APPROVED')).to.equal(true);
    }
    await Promise.all(providers.map((provider) => provider.close()));
  });

  it('encrypts tokens with encryptionKey', async () => {
    const keyPrefix = redis.prefix();
    const encryptionKey = randomBytes(32).toString('base64');
    const provider = sharedProvider(keyPrefix, { redis: { keyPrefix, encryptionKey } });
    const token = (await provider.getToken()).response.access_token;
    const raw = new Redis(redis.url);

    const keys = await raw.keys(`${keyPrefix}*:token`);
    const stored = await raw.hget(keys[0]!, 'value');
    raw.disconnect();

    expect(keys).to.have.length(1);
    expect(stored).to.match(/^aes256gcm\./);
    expect(stored).to.not.include(token);
    const other = sharedProvider(keyPrefix, { redis: { keyPrefix, encryptionKey } });
    expect((await other.getToken()).response.access_token).to.equal(token);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
    await Promise.all([provider.close(), other.close()]);
  });

  it('rejects a token sealed with another key', async () => {
    const keyPrefix = redis.prefix();
    const writer = sharedProvider(keyPrefix, { redis: { keyPrefix, encryptionKey: randomBytes(32) } });
    await writer.getToken();
    const wrongKey = sharedProvider(keyPrefix, { redis: { keyPrefix, encryptionKey: randomBytes(32) } });
    const noKey = sharedProvider(keyPrefix);

    const wrongKeyError = await wrongKey.getToken().catch((reason: unknown) => reason);
    const noKeyError = await noKey.getToken().catch((reason: unknown) => reason);

    expect(isSfjwtError(wrongKeyError, 'ERR_TOKEN_STORE_DECRYPT')).to.equal(true);
    expect(isSfjwtError(noKeyError, 'ERR_TOKEN_STORE_DECRYPT')).to.equal(true);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
    await Promise.all([writer.close(), wrongKey.close(), noKey.close()]);
  });

  it('rejects an encryption key of the wrong size', () => {
    let error: unknown;
    try {
      new RedisTokenStore({ url: redis.url, encryptionKey: randomBytes(16) });
    } catch (caught) {
      error = caught;
    }
    expect(isSfjwtError(error, 'ERR_SETTING_INVALID')).to.equal(true);
  });

  it('accepts failureHoldMs 0 with Redis', async () => {
    const provider = sharedProvider(redis.prefix(), { failureHoldMs: 0 });

    expect((await provider.getToken()).response.access_token).to.match(/^00D/);
    await provider.close();
  });

  it('fails when Redis is unreachable', async () => {
    const provider = createTokenProvider({
      ...fixture.login,
      store: 'redis://user:hunter2-secret@127.0.0.1:1',
      redis: { connectTimeoutMs: 500 },
    });

    const error = await provider.getToken().catch((reason: unknown) => reason);

    expect(isSfjwtError(error, 'ERR_TOKEN_STORE_UNREACHABLE')).to.equal(true);
    expect((error as Error).message).to.include('127.0.0.1:1');
    expect(JSON.stringify(error)).to.not.include('hunter2-secret');
    expect((error as Error).message).to.not.include('hunter2-secret');
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(0);
    await provider.close();
  });

  it('rejects a URL that is not redis://', () => {
    let error: unknown;
    try {
      createTokenProvider({ ...fixture.login, store: 'http://user:pw-secret@127.0.0.1:6379' });
    } catch (caught) {
      error = caught;
    }
    expect(isSfjwtError(error, 'ERR_SETTING_INVALID')).to.equal(true);
    expect((error as Error).message).to.not.include('pw-secret');
  });
});
