import { expect } from 'chai';

import { login } from '../../src/clients/password-compatible-login.js';
import { createTokenProvider } from '../../src/provider/token-provider.js';
import { startFixtureEmulator, type EmulatorFixture } from '../provider/helpers/emulator.js';

describe('password-compatible login', () => {
  let fixture: EmulatorFixture;

  beforeEach(async () => {
    fixture = await startFixtureEmulator();
  });

  afterEach(async () => {
    await fixture.emulator.close();
  });

  it('returns the password flow fields', async () => {
    const before = Date.now();
    const session = await login(fixture.login);

    expect(Object.keys(session).sort()).to.deep.equal(['access_token', 'id', 'instance_url', 'issued_at', 'token_type']);
    expect(session.access_token).to.match(/^00D[A-Za-z0-9]{12}!/);
    expect(session.instance_url).to.equal(fixture.emulator.url);
    expect(session.id).to.match(/\/id\/00D\w{15}\/005\w{15}$/);
    expect(session.token_type).to.equal('Bearer');
    expect(session.issued_at).to.match(/^\d{13}$/);
    expect(Number(session.issued_at)).to.be.within(before, Date.now());
    expect(fixture.emulator.state.stats.passwordsReceived).to.equal(0);
  });

  it('returns the cached token of a provider', async () => {
    const provider = createTokenProvider(fixture.login);
    const first = await login({ provider });
    const second = await login({ provider });

    expect(second.access_token).to.equal(first.access_token);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('rejects a password argument', async () => {
    const error = await login({ ...fixture.login, password: 'hunter2' } as never).catch((reason: unknown) => reason);
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.not.include('hunter2');
  });
});
