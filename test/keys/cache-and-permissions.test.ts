import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import { permissionWarning } from '../../src/keys/file-permissions.js';
import { clearKeyCache } from '../../src/keys/key-cache.js';
import { loadPrivateKey } from '../../src/keys/load-key.js';
import { runSfjwt } from '../helpers/cli.js';
import { fixtureCertPath } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { keyFixture } from './support.js';

describe('loadPrivateKey cache', () => {
  beforeEach(() => clearKeyCache());

  it('returns the same KeyObject for the same input', async () => {
    const first = await loadPrivateKey({ path: keyFixture('pkcs8.pem') });
    const second = await loadPrivateKey({ path: keyFixture('pkcs8.pem') });

    expect(second.privateKey).to.equal(first.privateKey);
  });

  it('returns the cached KeyObject for a keystore', async () => {
    const source = { path: keyFixture('keystore.p12'), passphrase: 'keystore-pass' };
    const first = await loadPrivateKey(source);
    const second = await loadPrivateKey(source);

    expect(second.privateKey).to.equal(first.privateKey);
    expect(second.certificatePem).to.equal(first.certificatePem);
  });

  it('keys the cache by passphrase as well', async () => {
    const path = keyFixture('pkcs8-encrypted.pem');
    await loadPrivateKey({ path, passphrase: 'correct-horse' });
    const error = await loadPrivateKey({ path, passphrase: 'wrong' }).then(
      () => undefined,
      (reason: { code?: string }) => reason.code,
    );

    expect(error).to.equal('ERR_KEY_PASSPHRASE_WRONG');
  });

  it('reloads a file whose content changed', async () => {
    const temp = await makeTempDir();
    try {
      const path = join(temp.dir, 'server.key');
      await writeFile(path, await readFile(keyFixture('pkcs8.pem')), { mode: 0o600 });
      const before = await loadPrivateKey({ path });
      await writeFile(path, await readFile(keyFixture('rsa1024.pem')));

      const after = await loadPrivateKey({ path }).then(
        () => 'loaded',
        (reason: { code?: string }) => reason.code,
      );

      expect(before.modulusLength).to.equal(2048);
      expect(after).to.equal('ERR_KEY_TOO_SHORT');
    } finally {
      await temp.remove();
    }
  });

  it('does not share results between copies of the returned arrays', async () => {
    const first = await loadPrivateKey({ data: await readFile(keyFixture('crlf.pem')) });
    first.repairs.push('changed by the caller');
    first.warnings.push('changed by the caller');
    const second = await loadPrivateKey({ data: await readFile(keyFixture('crlf.pem')) });

    expect(second.repairs).to.deep.equal(['turned CRLF line endings into LF']);
    expect(second.warnings).to.deep.equal([]);
  });
});

describe('key file permissions', () => {
  beforeEach(() => clearKeyCache());

  it('warns about a world-readable key with the chmod fix', async () => {
    const temp = await makeTempDir();
    try {
      const path = join(temp.dir, 'server.key');
      await writeFile(path, await readFile(keyFixture('pkcs8.pem')));
      await chmod(path, 0o644);

      const loaded = await loadPrivateKey({ path });

      expect(loaded.warnings).to.have.length(1);
      expect(loaded.warnings[0]).to.include('mode 644').and.include(`chmod 600 ${path}`);
    } finally {
      await temp.remove();
    }
  });

  it('recomputes the warning after chmod 600, with the key cached', async () => {
    const temp = await makeTempDir();
    try {
      const path = join(temp.dir, 'server.key');
      await writeFile(path, await readFile(keyFixture('pkcs8.pem')));
      await chmod(path, 0o640);
      const loose = await loadPrivateKey({ path });
      await chmod(path, 0o600);

      const strict = await loadPrivateKey({ path });

      expect(loose.warnings.join('\n')).to.include('its group');
      expect(strict.warnings).to.deep.equal([]);
    } finally {
      await temp.remove();
    }
  });

  it('prints the warning from sfjwt cert check', async () => {
    const temp = await makeTempDir();
    try {
      const path = join(temp.dir, 'server.key');
      await writeFile(path, await readFile(keyFixture('pkcs8.pem')));
      await chmod(path, 0o604);

      const run = await runSfjwt(['cert', 'check', '--key', path, '--cert', fixtureCertPath]);

      expect(run.exitCode).to.equal(0);
      expect(run.stderr).to.include('Warning: The key file').and.include('all users').and.include('chmod 600');
    } finally {
      await temp.remove();
    }
  });

  it('quotes a path with spaces in the chmod command', () => {
    expect(permissionWarning('/tmp/my keys/server.key', 0o100644, 'linux')).to.include("chmod 600 '/tmp/my keys/server.key'");
  });

  it('reports nothing on Windows or for mode 0600', () => {
    expect(permissionWarning('server.key', 0o100644, 'win32')).to.equal(undefined);
    expect(permissionWarning('server.key', 0o100600, 'linux')).to.equal(undefined);
  });

  it('does not warn for keys given as data', async () => {
    expect((await loadPrivateKey({ data: await readFile(keyFixture('pkcs8.pem')) })).warnings).to.deep.equal([]);
  });
});
