import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import { assertKeyMatchesCertificate } from '../../src/cert/check.js';
import { loadPrivateKey } from '../../src/keys/load-key.js';
import { runSfjwt } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

/** Base64 lines of a PEM body. */
function bodyLines(pem: string): string[] {
  return pem.split('\n').filter((line) => line.length > 0 && !line.startsWith('-----'));
}

describe('sfjwt cert generate', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  beforeEach(async () => {
    temp = await makeTempDir();
  });

  afterEach(async () => {
    await temp.remove();
  });

  it('writes server.key with mode 0600 and server.crt with 0644', async () => {
    const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--cn', 'billing-sync']);

    expect(run.exitCode, run.stderr).to.equal(0);
    expect(await modeOf(join(temp.dir, 'server.key'))).to.equal(0o600);
    expect(await modeOf(join(temp.dir, 'server.crt'))).to.equal(0o644);
    const key = await loadPrivateKey({ path: join(temp.dir, 'server.key') });
    expect(key.warnings).to.deep.equal([]);
    expect(() => assertKeyMatchesCertificate(key.privateKey, readFileSync(join(temp.dir, 'server.crt'), 'utf8'))).not.to.throw();
  });

  it('prints subject, validity, fingerprint and which file goes where, never the key', async () => {
    const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--cn', 'billing-sync', '--days', '30']);
    const keyPem = await readFile(join(temp.dir, 'server.key'), 'utf8');
    const certificate = new X509Certificate(await readFile(join(temp.dir, 'server.crt')));

    expect(run.stdout).to.include('CN=billing-sync').and.include('(30 days)');
    expect(run.stdout).to.include(certificate.fingerprint256);
    expect(run.stdout).to.match(new RegExp(`Upload to Salesforce: ${join(temp.dir, 'server.crt')}`));
    expect(run.stdout).to.match(new RegExp(`Keep secret: +${join(temp.dir, 'server.key')}`));
    for (const line of bodyLines(keyPem)) {
      expect(run.stdout + run.stderr).not.to.include(line);
    }
  });

  it('writes a certificate inspect calls self-signed', async () => {
    await runSfjwt(['cert', 'generate', '--out-dir', temp.dir]);
    const run = await runSfjwt(['cert', 'inspect', join(temp.dir, 'server.crt'), '--json']);

    expect(run.stdout).to.include('"selfSigned": true');
  });

  it('prints JSON with the file roles', async () => {
    const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--json', '--bits', '3072', '--c', 'FR']);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;

    expect(result).to.include({
      uploadToSalesforce: join(temp.dir, 'server.crt'),
      keepSecret: join(temp.dir, 'server.key'),
      bits: 3072,
      encrypted: false,
      subject: 'CN=sfjwt-integration, C=FR',
      signatureAlgorithm: 'sha256WithRSAEncryption',
    });
    expect(result.fingerprint).to.match(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(JSON.stringify(result)).not.to.include('PRIVATE KEY');
  });

  it('uses --key-name and --cert-name for a rotation pair', async () => {
    await runSfjwt(['cert', 'generate', '--out-dir', temp.dir]);

    const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--key-name', 'next.key', '--cert-name', 'next.crt']);

    expect(run.exitCode, run.stderr).to.equal(0);
    expect(await modeOf(join(temp.dir, 'next.key'))).to.equal(0o600);
    expect((await stat(join(temp.dir, 'next.crt'))).isFile()).to.equal(true);
  });

  it('refuses to overwrite and writes neither file when only the certificate exists', async () => {
    await writeFile(join(temp.dir, 'server.crt'), 'old certificate');

    const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir]);

    expect(run.exitCode).to.equal(5);
    expect(run.stderr).to.include('ERR_FILE_EXISTS').and.include('server.crt');
    expect(await stat(join(temp.dir, 'server.key')).then(() => true, () => false)).to.equal(false);
    expect(await readFile(join(temp.dir, 'server.crt'), 'utf8')).to.equal('old certificate');
  });

  it('replaces both files with --force', async () => {
    await runSfjwt(['cert', 'generate', '--out-dir', temp.dir]);
    const before = await readFile(join(temp.dir, 'server.crt'), 'utf8');

    const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--force']);

    expect(run.exitCode, run.stderr).to.equal(0);
    expect(await readFile(join(temp.dir, 'server.crt'), 'utf8')).not.to.equal(before);
    expect(await modeOf(join(temp.dir, 'server.key'))).to.equal(0o600);
  });

  describe('encryption', () => {
    it('encrypts with the passphrase from --passphrase-file', async () => {
      await writeFile(join(temp.dir, 'pass'), 'correct-horse\n', { mode: 0o600 });
      const out = join(temp.dir, 'certs');

      const run = await runSfjwt(['cert', 'generate', '--out-dir', out, '--encrypt', '--passphrase-file', join(temp.dir, 'pass')]);

      expect(run.exitCode, run.stderr).to.equal(0);
      expect(run.stdout).to.include('encrypted');
      const loaded = await loadPrivateKey({ path: join(out, 'server.key'), passphrase: 'correct-horse' });
      expect(loaded.encrypted).to.equal(true);
    });

    it('encrypts with SF_JWT_KEY_PASSPHRASE', async () => {
      const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--encrypt'], { SF_JWT_KEY_PASSPHRASE: 's3cret-phrase' });

      expect(run.exitCode, run.stderr).to.equal(0);
      expect(run.stdout + run.stderr).not.to.include('s3cret-phrase');
      expect((await loadPrivateKey({ path: join(temp.dir, 'server.key'), passphrase: 's3cret-phrase' })).encrypted).to.equal(true);
    });

    it('encrypts with the variable named by --passphrase-env', async () => {
      const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--encrypt', '--passphrase-env', 'MY_PASS'], { MY_PASS: 'from-my-pass' });

      expect(run.exitCode, run.stderr).to.equal(0);
      expect((await loadPrivateKey({ path: join(temp.dir, 'server.key'), passphrase: 'from-my-pass' })).encrypted).to.equal(true);
    });

    it('raises ERR_SETTING_MISSING for --encrypt without a passphrase outside a terminal', async () => {
      const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--encrypt']);

      expect(run.exitCode).to.equal(2);
      expect(run.stderr).to.include('ERR_SETTING_MISSING').and.include('--passphrase-file');
      expect(await stat(join(temp.dir, 'server.key')).then(() => true, () => false)).to.equal(false);
    });

    it('raises ERR_SETTING_MISSING when --passphrase-env names an unset variable', async () => {
      const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--encrypt', '--passphrase-env', 'UNSET_VAR']);

      expect(run.exitCode).to.equal(2);
      expect(run.stderr).to.include('UNSET_VAR');
    });

    it('rejects a literal --passphrase without echoing it', async () => {
      const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--encrypt', '--passphrase', 'hunter2-literal']);

      expect(run.exitCode).to.equal(2);
      expect(run.stderr).to.include('ERR_SETTING_INVALID').and.include('--passphrase-file');
      expect(run.stderr).not.to.include('hunter2-literal');
    });

    it('rejects --passphrase-file without --encrypt', async () => {
      const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--passphrase-file', 'pass']);

      expect(run.exitCode).to.equal(2);
      expect(run.stderr).to.include('--encrypt');
    });

    it('rejects an empty passphrase file', async () => {
      await writeFile(join(temp.dir, 'pass'), '\n');

      const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--encrypt', '--passphrase-file', join(temp.dir, 'pass')]);

      expect(run.exitCode).to.equal(2);
      expect(run.stderr).to.include('is empty');
    });
  });

  it('rejects --bits 1024 with ERR_SETTING_INVALID and exit 2', async () => {
    const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--bits', '1024', '--json']);

    expect(run.exitCode).to.equal(2);
    expect((JSON.parse(run.stdout) as { error: { code: string } }).error.code).to.equal('ERR_SETTING_INVALID');
  });

  it('rejects a --key-name with a folder', async () => {
    const run = await runSfjwt(['cert', 'generate', '--out-dir', temp.dir, '--key-name', 'sub/server.key']);

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('--out-dir');
  });
});
