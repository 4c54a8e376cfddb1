import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { normalizeConfig, type EmulatorConfigInput } from '../../src/emulator/config.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { fixtureCertificate, repositoryRoot } from '../helpers/fixtures.js';

describe('emulator configuration', () => {
  it('accepts the example in docs/emulator.md', () => {
    const doc = readFileSync(join(repositoryRoot, 'docs', 'emulator.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const parsed = JSON.parse(example) as EmulatorConfigInput;
    // The page shortens the certificate to "..."; a real one must parse.
    parsed.apps = parsed.apps?.map((app) => ({ ...app, certificate: fixtureCertificate }));
    const config = normalizeConfig(parsed);

    expect(config.org.orgId).to.equal('00D5g00000Exmpl');
    expect(config.apps[0]?.profiles).to.deep.equal(['Integration User']);
    expect(config.users[0]?.loginIpRanges).to.have.length(1);
  });

  it('fills defaults', () => {
    const config = normalizeConfig({ users: [{ username: 'a@example.com' }] });

    expect(config.org.type).to.equal('production');
    expect(config.org.passwordFlowBlocked).to.equal(true);
    expect(config.org.orgId).to.match(/^00D[A-Za-z0-9]{12}$/);
    expect(config.users[0]?.userId).to.match(/^005[A-Za-z0-9]{12}$/);
  });

  it('rejects a certificate that is not PEM', () => {
    const attempt = (): unknown => normalizeConfig({ apps: [{ certificate: 'not a certificate' }] });

    expect(attempt).to.throw(SfjwtError).with.property('code', 'ERR_EMULATOR_CONFIG');
    expect(attempt).to.throw(/apps\[0\]\.certificates/);
  });

  it('rejects a certificate body that does not parse', () => {
    const broken = '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n';

    expect(() => normalizeConfig({ apps: [{ certificate: broken }] })).to.throw(/that parse/);
  });

  it('rejects login IP ranges of the wrong shape', () => {
    const input = { users: [{ username: 'a@example.com', loginIpRanges: 'x' }] } as unknown as EmulatorConfigInput;

    expect(() => normalizeConfig(input)).to.throw(/users\[0\]\.loginIpRanges/);
  });

  it('rejects an org id of the wrong shape', () => {
    expect(() => normalizeConfig({ org: { orgId: '00D5g000004EXAMPLE' } })).to.throw(/15-character org id/);
  });

  it('rejects an unknown policy value', () => {
    const input = { apps: [{ permittedUsers: 'everyone' }] } as unknown as EmulatorConfigInput;

    expect(() => normalizeConfig(input)).to.throw(/apps\[0\]\.permittedUsers must be one of admin-approved, self-authorize/);
  });

  it('rejects a user without a username', () => {
    expect(() => normalizeConfig({ users: [{}] })).to.throw(/users\[0\]\.username is required/);
  });
});
