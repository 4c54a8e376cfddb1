import { expect } from 'chai';

import { createJsforceConnection } from '../../src/clients/jsforce-connection.js';
import { createTokenProvider } from '../../src/provider/token-provider.js';
import { startFixtureEmulator, type EmulatorFixture } from '../provider/helpers/emulator.js';

describe('jsforce connection', () => {
  let fixture: EmulatorFixture;

  beforeEach(async () => {
    fixture = await startFixtureEmulator();
  });

  afterEach(async () => {
    await fixture.emulator.close();
  });

  it('queries with the minted token', async () => {
    const conn = await createJsforceConnection({ ...fixture.login, connection: { version: '66.0' } });

    const result = await conn.query('SELECT Id FROM Account');

    expect(result.totalSize).to.equal(0);
    expect(conn.instanceUrl).to.equal(fixture.emulator.url);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('re-mints when the session expires mid-run', async () => {
    const conn = await createJsforceConnection({ ...fixture.login, connection: { version: '66.0' } });
    await conn.query('SELECT Id FROM Account');
    const before = conn.accessToken;
    fixture.emulator.state.expireAllSessions();

    const result = await conn.query('SELECT Name FROM Contact');

    expect(result.done).to.equal(true);
    expect(conn.accessToken).to.not.equal(before);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
  });

  it('reads the identity after the session expires', async () => {
    const conn = await createJsforceConnection({ ...fixture.login, connection: { version: '66.0' } });
    fixture.emulator.state.expireAllSessions();

    const identity = await conn.identity();

    expect(identity.user_id).to.match(/^005/);
    expect(identity.organization_id).to.match(/^00D/);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
  });

  it('re-mints once for concurrent expired calls', async () => {
    const provider = createTokenProvider(fixture.login);
    const connections = await Promise.all([1, 2].map(() => createJsforceConnection({ provider })));
    fixture.emulator.state.expireAllSessions();

    const results = await Promise.all(connections.flatMap((conn) => [1, 2, 3].map(() => conn.query('SELECT Id FROM Account'))));

    expect(results).to.have.length(6);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
    expect(connections[0]!.accessToken).to.equal(connections[1]!.accessToken);
  });

  it('reports a rejected re-mint as an error', async () => {
    const provider = createTokenProvider({ ...fixture.login, failureHoldMs: 0 });
    const conn = await createJsforceConnection({ provider });
    fixture.emulator.state.config.users[0]!.active = false;
    fixture.emulator.state.expireAllSessions();

    const error: unknown = await conn.query('SELECT Id FROM Account').then(
      () => undefined,
      (reason: unknown) => reason,
    );

    expect((error as Error).message).to.include('inactive user');
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });
});
