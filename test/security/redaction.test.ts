import { readFileSync } from 'node:fs';

import { expect } from 'chai';

import { redactText } from '../../src/util/redact.js';
import { runSfjwt } from '../helpers/cli.js';
import { fixtureKeyPath } from '../helpers/fixtures.js';

const pem = readFileSync(fixtureKeyPath, 'utf8');
const body = pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----')).join('');
const bodyLines = pem.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));

function expectNoKeyMaterial(text: string): void {
  for (const line of bodyLines) {
    expect(text).to.not.include(line);
  }
  expect(text).to.not.include(body.slice(0, 60));
}

describe('redactText', () => {
  it('masks a PEM private key', () => {
    expect(redactText(`before ${pem} after`)).to.equal('before [redacted private key]\n after');
  });

  it('masks a key body without its header', () => {
    expect(redactText(`path ${body} end`)).to.equal('path [redacted base64] end');
  });

  it('masks access tokens with 15- and 18-character org ids', () => {
    expect(redactText('00D5g00000Exmpl!AQ8AQabc.def')).to.equal('00D5g00000Exmpl![redacted]');
    expect(redactText('00D5g00000ExmplEAA!AQ8AQabc')).to.equal('00D5g00000ExmplEAA![redacted]');
  });

  it('masks secret fields in forms, JSON, YAML and keyword arguments', () => {
    expect(redactText('password=abc&user=x')).to.equal('password=[redacted]&user=x');
    expect(redactText('{"client_secret": "CS1"}')).to.equal('{"client_secret": "[redacted]"}');
    expect(redactText("password: 'pw'")).to.equal("password: '[redacted]'");
    expect(redactText("'security_token' => 'tok'")).to.equal("'security_token' => '[redacted]'");
  });

  it('masks a signed JWT', () => {
    expect(redactText('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')).to.equal('[redacted JWT]');
  });
});

describe('key text where a path belongs', () => {
  const settings = { SF_CLIENT_ID: 'key', SF_USERNAME: 'user@example.com', SF_LOGIN_URL: 'http://127.0.0.1:9' };

  it('token rejects it without printing it', async () => {
    const run = await runSfjwt(['token', '--retries', '0'], { ...settings, SF_JWT_KEY_FILE: pem });

    expect(run.exitCode).to.equal(3);
    expect(run.stderr).to.include('ERR_KEY_TEXT_AS_PATH');
    expectNoKeyMaterial(run.stdout + run.stderr);
  });

  it('token rejects a base64 body without printing it', async () => {
    const run = await runSfjwt(['token', '--json'], { ...settings, SF_JWT_KEY_FILE: body });

    expect(run.stdout).to.include('ERR_KEY_TEXT_AS_PATH');
    expectNoKeyMaterial(run.stdout + run.stderr);
  });

  it('doctor hides it in the settings line', async () => {
    const text = await runSfjwt(['doctor'], { ...settings, SF_JWT_KEY_FILE: pem });
    const json = await runSfjwt(['doctor', '--json'], { ...settings, SF_JWT_KEY_FILE: body });

    expect(text.stdout).to.include('SF_JWT_KEY_FILE=(set, hidden)');
    expectNoKeyMaterial(text.stdout + text.stderr);
    expectNoKeyMaterial(json.stdout + json.stderr);
  });
});
