import { execFile } from 'node:child_process';
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { expect } from 'chai';

import { runSfjwt } from '../helpers/cli.js';
import { fixturePath, repositoryRoot } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const execFileAsync = promisify(execFile);
const CERT = fixturePath('keys', 'pkcs8.crt');
const BASE = ['setup', '--cert', CERT, '--label', 'Nightly Export', '--contact-email', 'ops@example.com', '--yes'];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('sfjwt setup', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let count = 0;
  beforeEach(async () => {
    temp = await makeTempDir('sfjwt-setup-cli-');
  });
  afterEach(async () => temp.remove());

  function project(): string {
    count += 1;
    return join(temp.dir, `project-${count}`);
  }

  describe('--help', () => {
    it('shows every option with its default', async () => {
      // yargs exits the process after printing help, so this runs the built CLI in a child process.
      const { stdout } = await execFileAsync(process.execPath, [join(repositoryRoot, 'build', 'src', 'cli', 'main.js'), 'setup', '--help']);
      const help = stdout.replace(/\s+/g, ' ');
      const options = [
        'cert', 'label', 'name', 'contact-email', 'description', 'callback-url', 'scopes', 'connected-app',
        'consumer-key', 'generate-consumer-key', 'cert-format', 'api-version', 'org-type', 'login-url', 'profile',
        'permission-set', 'create-permission-set', 'ip-relaxation', 'session-timeout', 'session-level', 'project-dir',
        'output-dir', 'manifest', 'username', 'key-file', 'target-org', 'steps', 'yes', 'force', 'json',
      ];
      for (const option of options) {
        expect(help, option).to.include(`--${option}`);
      }
      for (const shown of [
        '[default: "62.0"]',
        '[default: force-app/main/default]',
        '[default: "manifest/package.xml"]',
        '[default: "http://localhost:1717/OauthRedirect"]',
        '[default: api,refresh_token]',
        '[default: production]',
        '[default: "enforce"]',
        '[default: "pem"]',
        '[default: deploy]',
        '[default: "JWT Integration"]',
      ]) {
        expect(help, shown).to.include(shown);
      }
    });
  });

  describe('writing files', () => {
    it('lists the files written with --json', async () => {
      const projectDir = project();
      const run = await runSfjwt([...BASE, '--profile', 'Integration User', '--project-dir', projectDir, '--json']);
      expect(run.exitCode, run.stderr).to.equal(0);
      const result = JSON.parse(run.stdout) as { files: Array<{ path: string; role: string; type?: string }> };
      expect(result.files.map((file) => file.type ?? file.role)).to.deep.equal([
        'ExternalClientApplication',
        'ExtlClntAppOauthSettings',
        'ExtlClntAppGlobalOauthSettings',
        'ExtlClntAppOauthConfigurablePolicies',
        'ExtlClntAppConfigurablePolicies',
        'manifest',
        'project',
      ]);
      expect(await listFiles(projectDir)).to.deep.equal(result.files.map((file) => file.path).sort());
      const manifest = result.files.find((file) => file.role === 'manifest')!;
      expect(manifest.path).to.equal(join(projectDir, 'manifest', 'package.xml'));
      const sfdxProject = JSON.parse(await readFile(join(projectDir, 'sfdx-project.json'), 'utf8')) as Record<string, unknown>;
      expect(sfdxProject.packageDirectories).to.deep.equal([{ path: 'force-app', default: true }]);
    });

    it('rejects a generated consumer key with manual steps', async () => {
      const projectDir = project();
      const run = await runSfjwt([...BASE, '--profile', 'Integration User', '--project-dir', projectDir,
        '--steps', 'manual', '--generate-consumer-key']);

      expect(run.exitCode).to.equal(2);
      expect(run.stderr).to.include('ERR_SETTING_INVALID');
      expect(await listFiles(projectDir)).to.deep.equal([]);
    });

    it('writes no secret and no private key anywhere', async () => {
      const projectDir = project();
      const run = await runSfjwt([...BASE, '--profile', 'Integration User', '--project-dir', projectDir, '--generate-consumer-key']);
      expect(run.exitCode, run.stderr).to.equal(0);
      for (const path of await listFiles(projectDir)) {
        const text = await readFile(path, 'utf8');
        expect(text.toLowerCase(), path).to.not.include('secret');
        expect(text, path).to.not.include('PRIVATE KEY');
      }
      expect(run.stdout).to.not.include('PRIVATE KEY');
    });

    it('writes nothing when one file exists', async () => {
      const projectDir = project();
      const manifest = join(projectDir, 'manifest', 'package.xml');
      await mkdir(join(projectDir, 'manifest'), { recursive: true });
      await writeFile(manifest, 'mine');
      const run = await runSfjwt([...BASE, '--profile', 'Integration User', '--project-dir', projectDir]);
      expect(run.exitCode).to.equal(5);
      expect(run.stderr).to.include('ERR_FILE_EXISTS');
      expect(run.stderr).to.include(manifest);
      expect(await listFiles(projectDir)).to.deep.equal([manifest]);
      expect(await readFile(manifest, 'utf8')).to.equal('mine');
    });

    it('replaces files only with --force', async () => {
      const projectDir = project();
      const args = (email: string): string[] => [
        'setup', '--cert', CERT, '--label', 'Nightly Export', '--contact-email', email, '--yes',
        '--profile', 'Integration User', '--project-dir', projectDir,
      ];
      expect((await runSfjwt(args('ops@example.com'))).exitCode).to.equal(0);
      const header = join(projectDir, 'force-app/main/default/externalClientApps/Nightly_Export.eca-meta.xml');
      const before = await readFile(header, 'utf8');
      const second = await runSfjwt(args('other@example.com'));
      expect(second.exitCode).to.equal(5);
      expect(second.stderr).to.include('ERR_FILE_EXISTS');
      expect(await readFile(header, 'utf8')).to.equal(before);
      const forced = await runSfjwt([...args('other@example.com'), '--force']);
      expect(forced.exitCode, forced.stderr).to.equal(0);
      expect(await readFile(header, 'utf8')).to.include('<contactEmail>other@example.com</contactEmail>');
    });

    it('keeps an existing sfdx-project.json', async () => {
      const projectDir = project();
      await mkdir(projectDir, { recursive: true });
      await writeFile(join(projectDir, 'sfdx-project.json'), '{"packageDirectories":[{"path":"src"}]}');
      const run = await runSfjwt([...BASE, '--profile', 'Integration User', '--project-dir', projectDir]);
      expect(run.exitCode, run.stderr).to.equal(0);
      expect(await readFile(join(projectDir, 'sfdx-project.json'), 'utf8')).to.equal('{"packageDirectories":[{"path":"src"}]}');
      expect(run.stdout).to.include('kept the existing sfdx-project.json');
    });

    it('writes into --output-dir', async () => {
      const projectDir = project();
      const run = await runSfjwt([...BASE, '--profile', 'P', '--project-dir', projectDir, '--output-dir', 'src/jwt']);
      expect(run.exitCode, run.stderr).to.equal(0);
      expect((await stat(join(projectDir, 'src/jwt/externalClientApps/Nightly_Export.eca-meta.xml'))).isFile()).to.equal(true);
      expect(run.stdout).to.include('--source-dir src/jwt');
    });
  });

  describe('rejections', () => {
    it('rejects a private key unprinted', async () => {
      const projectDir = project();
      const keyText = await readFile(fixturePath('keys', 'pkcs8.pem'), 'utf8');
      const secretLine = keyText.split('\n')[5]!;
      for (const json of [false, true]) {
        const run = await runSfjwt([
          'setup', '--cert', fixturePath('keys', 'pkcs8.pem'), '--contact-email', 'ops@example.com', '--yes',
          '--profile', 'P', '--project-dir', projectDir, ...(json ? ['--json'] : []),
        ]);
        expect(run.exitCode).to.equal(3);
        expect(`${run.stdout}${run.stderr}`).to.include('ERR_SETUP_CERT_IS_PRIVATE_KEY');
        expect(`${run.stdout}${run.stderr}`).to.not.include(secretLine);
      }
      expect(await listFiles(projectDir)).to.deep.equal([]);
    });

    it('names the missing contact email', async () => {
      const projectDir = project();
      const run = await runSfjwt(['setup', '--cert', CERT, '--profile', 'P', '--project-dir', projectDir]);
      expect(run.exitCode).to.equal(2);
      expect(run.stderr).to.include('ERR_SETTING_MISSING');
      expect(run.stderr).to.include('--contact-email');
      expect(await listFiles(projectDir)).to.deep.equal([]);
    });

    it('requires a profile or permission set', async () => {
      const run = await runSfjwt([...BASE, '--project-dir', project()]);
      expect(run.exitCode).to.equal(2);
      expect(run.stderr).to.include('--profile');
    });

    it('takes the last repeated value', async () => {
      const projectDir = project();
      const run = await runSfjwt([...BASE, '--label', 'Second Label', '--profile', 'P', '--project-dir', projectDir, '--json']);
      expect(run.exitCode, run.stderr).to.equal(0);
      expect((JSON.parse(run.stdout) as { app: { label: string } }).app.label).to.equal('Second Label');
    });

    it('warns about an expired certificate', async () => {
      const run = await runSfjwt([
        'setup', '--cert', fixturePath('keys', 'expired.crt'), '--contact-email', 'ops@example.com', '--profile', 'P',
        '--project-dir', project(), '--yes',
      ]);
      expect(run.exitCode, run.stderr).to.equal(0);
      expect(run.stderr).to.include('Warning: The certificate expired on 2024-01-01');
    });

    it('reports a missing certificate file', async () => {
      const run = await runSfjwt(['setup', '--cert', join(temp.dir, 'none.crt'), '--contact-email', 'a@example.com', '--profile', 'P']);
      expect(run.exitCode).to.equal(5);
      expect(run.stderr).to.include('ERR_FILE_READ');
    });
  });

  describe('guide', () => {
    it('prints deploy steps, env and doctor', async () => {
      const projectDir = project();
      const run = await runSfjwt([
        ...BASE, '--profile', 'Integration User', '--project-dir', projectDir, '--username', 'int@example.com',
        '--org-type', 'sandbox',
      ]);
      expect(run.exitCode, run.stderr).to.equal(0);
      const text = run.stdout;
      expect(text).to.include('sf project deploy start --source-dir force-app/main/default --target-org jwt-setup');
      expect(text).to.include('sf project deploy start --manifest manifest/package.xml');
      expect(text).to.include('Allow Access to OAuth Consumer Secrets via Metadata API');
      expect(text).to.include('ExtlClntAppGlobalOauthSettings:Nightly_Export_glbloauth');
      expect(text).to.include('SF_CLIENT_ID=');
      expect(text).to.include('SF_USERNAME=int@example.com');
      expect(text).to.include('SF_LOGIN_URL=https://test.salesforce.com');
      expect(text).to.include(`SF_JWT_KEY_FILE=${fixturePath('keys', 'pkcs8.key')}`);
      expect(text).to.include('sfjwt doctor --client-id CONSUMER_KEY --username int@example.com');
      expect(text).to.include('take effect at once');
      expect(text).to.not.match(/PASSWORD|SECRET=|SF_CLIENT_SECRET/);
    });

    it('warns about the retirement dates', async () => {
      const run = await runSfjwt([...BASE, '--profile', 'P', '--project-dir', project()]);
      expect(run.stdout).to.include('20 February 2027');
      expect(run.stdout).to.include("Summer '27");
      expect(run.stdout).to.include("Spring '26");
    });

    it('walks the Setup pages manually', async () => {
      const run = await runSfjwt([...BASE, '--profile', 'Integration User', '--permission-set', 'JWT_Access', '--project-dir', project(), '--steps', 'manual']);
      expect(run.exitCode, run.stderr).to.equal(0);
      for (const label of [
        'External Client App Manager',
        'New External Client App',
        '"Enable OAuth"',
        'Manage user data via APIs (api)',
        'Perform requests at any time (refresh_token, offline_access)',
        '"Enable JWT Bearer Flow"',
        'Policies tab',
        '"Admin approved users are pre-authorized"',
        '"Select Profiles" add "Integration User"',
        '"Select Permission Sets" add "JWT_Access"',
        'Settings tab, OAuth Settings, "Consumer Key and Secret"',
        `upload the certificate ${CERT}`,
      ]) {
        expect(run.stdout, label).to.include(label);
      }
    });

    it('walks the connected app pages manually', async () => {
      const run = await runSfjwt([
        ...BASE, '--profile', 'Integration User', '--permission-set', 'JWT_Access', '--create-permission-set',
        '--project-dir', project(), '--connected-app', '--steps', 'manual',
      ]);
      expect(run.exitCode, run.stderr).to.equal(0);
      const text = run.stdout;
      for (const label of ['"New Connected App"', '"Use digital signatures"', '"Edit Policies"', '"Manage Profiles": add "Integration User"',
        '"Manage Permission Sets": add "JWT_Access"', '"Manage Consumer Details"']) {
        expect(text, label).to.include(label);
      }
      expect(text.indexOf('Create the permission set JWT_Access')).to.be.lessThan(text.indexOf('"New Connected App"'));
      expect(text).to.include('Connected app "Nightly Export"');
    });

    it('warns about connected app propagation', async () => {
      const run = await runSfjwt([...BASE, '--profile', 'P', '--project-dir', project(), '--connected-app']);
      expect(run.exitCode, run.stderr).to.equal(0);
      expect(run.stdout).to.include('up to 10 minutes');
      expect(run.stdout).to.include('ConnectedApp:Nightly_Export');
      expect(run.stderr).to.include("Warning: Since Spring '26");
    });

    it('shows the consumer key it generated', async () => {
      const run = await runSfjwt([...BASE, '--profile', 'P', '--project-dir', project(), '--generate-consumer-key', '--json']);
      const result = JSON.parse(run.stdout) as { app: { consumerKey: string }; guide: { env: Record<string, string>; doctorCommand: string } };
      expect(result.guide.env.SF_CLIENT_ID).to.equal(result.app.consumerKey);
      expect(result.guide.doctorCommand).to.include(`--client-id ${result.app.consumerKey}`);
      expect(Object.keys(result.guide.env)).to.deep.equal(['SF_CLIENT_ID', 'SF_USERNAME', 'SF_LOGIN_URL', 'SF_JWT_KEY_FILE']);
    });
  });
});
