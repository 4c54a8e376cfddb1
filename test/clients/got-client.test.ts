import { inspect } from 'node:util';

import { expect } from 'chai';
import { HTTPError } from 'got';

import { createClient } from '../../src/clients/got-client.js';
import { isInvalidSession } from '../../src/clients/invalid-session.js';
import { isSfjwtError } from '../../src/errors/sfjwt-error.js';
import { createTokenProvider } from '../../src/provider/token-provider.js';
import { startFixtureEmulator, type EmulatorFixture } from '../provider/helpers/emulator.js';

const QUERY = 'services/data/v66.0/query';

interface QueryResult {
  totalSize: number;
  query: string;
}

describe('got client', () => {
  let fixture: EmulatorFixture;

  beforeEach(async () => {
    fixture = await startFixtureEmulator();
  });

  afterEach(async () => {
    await fixture.emulator.close();
  });

  function queryCount(): number {
    return fixture.log.filter((line) => line.startsWith('GET /services/data/v66.0/query')).length;
  }

  it('calls the instance URL with the bearer token', async () => {
    const client = await createClient(fixture.login);

    const result = await client.get(QUERY, { searchParams: { q: 'SELECT Id FROM Account' } }).json<QueryResult>();

    expect(result.query).to.equal('SELECT Id FROM Account');
    expect(client.defaults.options.prefixUrl).to.equal(`${fixture.emulator.url}/`);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('retries 10 expired calls with one re-mint', async () => {
    const client = await createClient(fixture.login);
    await client.get(QUERY).json();
    fixture.emulator.state.expireAllSessions();

    const results = await Promise.all(Array.from({ length: 10 }, () => client.get(QUERY).json<QueryResult>()));

    expect(results.every((result) => result.totalSize === 0)).to.equal(true);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
    expect(queryCount()).to.equal(21);
  });

  it('retries a 401 only once', async () => {
    let revokeEachMint = false;
    const provider = createTokenProvider({
      ...fixture.login,
      onMint: () => {
        if (revokeEachMint) {
          fixture.emulator.state.expireAllSessions();
        }
      },
    });
    const client = await createClient({ provider });
    const first = (await provider.getToken()).response.access_token;
    revokeEachMint = true;
    fixture.emulator.state.expireAllSessions();

    const error = await client.get(QUERY).catch((reason: unknown) => reason);

    expect(error).to.be.instanceOf(HTTPError);
    expect((error as HTTPError).response.statusCode).to.equal(401);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
    expect(queryCount()).to.equal(2);
    const second = (await provider.getToken()).response.access_token;
    const printed = `${inspect(error, { depth: 8 })}${JSON.stringify(error)}${String(error)}`;
    expect(printed).to.not.include(first);
    expect(printed).to.not.include(second);
  });

  it('rejects with the SfjwtError of a failed re-mint', async () => {
    const client = await createClient({ ...fixture.login, failureHoldMs: 0 });
    fixture.emulator.state.config.users[0]!.active = false;
    fixture.emulator.state.expireAllSessions();

    const error = await client.get(QUERY).catch((reason: unknown) => reason);

    expect(isSfjwtError(error, 'ERR_OAUTH_INACTIVE_USER')).to.equal(true);
  });

  it('shares a provider with other clients', async () => {
    const provider = createTokenProvider(fixture.login);
    const clients = await Promise.all([createClient({ provider }), createClient({ provider })]);

    await Promise.all(clients.map((client) => client.get(QUERY).json()));

    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('applies got options given by the caller', async () => {
    const client = await createClient({ ...fixture.login, got: { headers: { 'x-caller': 'sfjwt-test' }, timeout: { request: 5_000 } } });

    expect(client.defaults.options.headers['x-caller']).to.equal('sfjwt-test');
    expect(client.defaults.options.timeout.request).to.equal(5_000);
  });

  it('rejects options that are not an object', async () => {
    const error = await createClient(undefined as never).catch((reason: unknown) => reason);
    expect(error).to.be.instanceOf(TypeError);
  });
});

describe('isInvalidSession', () => {
  const body = '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]';

  it('accepts Salesforce 401 bodies', () => {
    expect(isInvalidSession(401, body)).to.equal(true);
    expect(isInvalidSession(401, Buffer.from(body))).to.equal(true);
    expect(isInvalidSession(401, JSON.parse(body))).to.equal(true);
  });

  it('rejects other statuses and bodies', () => {
    expect(isInvalidSession(403, body)).to.equal(false);
    expect(isInvalidSession(401, '[{"errorCode":"INSUFFICIENT_ACCESS"}]')).to.equal(false);
    expect(isInvalidSession(401, '<html>')).to.equal(false);
  });
});
