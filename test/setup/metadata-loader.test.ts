import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import { loadEmulatorConfigFromMetadata } from '../../src/emulator/metadata.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { fixtureCertificate } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

async function put(dir: string, relativePath: string, xml: string): Promise<void> {
  const path = join(dir, relativePath);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`);
}

async function rejection(dir: string): Promise<SfjwtError> {
  try {
    await loadEmulatorConfigFromMetadata(dir);
  } catch (error) {
    if (error instanceof SfjwtError) {
      return error;
    }
    throw error;
  }
  throw new Error('the metadata loaded');
}

describe('emulator configuration from metadata', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir('sfjwt-setup-load-');
  });
  afterEach(async () => temp.remove());

  it('reads a retrieved app without policies as self-authorize', async () => {
    await put(temp.dir, 'externalClientApps/Sync.eca-meta.xml', `<ExternalClientApplication ${NS}><label>Sync</label></ExternalClientApplication>`);
    await put(
      temp.dir,
      'extlClntAppGlobalOauthSets/Sync_glbloauth.ecaGlblOauth-meta.xml',
      `<ExtlClntAppGlobalOauthSettings ${NS}><certificate>${fixtureCertificate}</certificate>` +
        '<consumerKey>3MVG9retrieved</consumerKey><externalClientApplication>Sync</externalClientApplication></ExtlClntAppGlobalOauthSettings>',
    );
    const config = await loadEmulatorConfigFromMetadata(temp.dir);
    expect(config.apps).to.have.length(1);
    const app = config.apps![0]!;
    expect(app.consumerKey).to.equal('3MVG9retrieved');
    expect(app.permittedUsers).to.equal('self-authorize');
    expect(app.certificates).to.deep.equal([`${fixtureCertificate.trim()}\n`]);
  });

  it('finds the source folder under a project folder', async () => {
    await put(
      join(temp.dir, 'force-app', 'main', 'default'),
      'connectedApps/Legacy.connectedApp-meta.xml',
      `<ConnectedApp ${NS}><label>Legacy &amp; Co</label><oauthConfig><isAdminApproved>true</isAdminApproved>` +
        '<scopes>Api</scopes><scopes>Web</scopes></oauthConfig><profileName>A</profileName><profileName>B</profileName></ConnectedApp>',
    );
    const logged: string[] = [];
    const config = await loadEmulatorConfigFromMetadata(temp.dir, { log: (line) => logged.push(line) });
    const app = config.apps![0]!;
    expect(app.label).to.equal('Legacy & Co');
    expect(app.kind).to.equal('connected-app');
    expect(app.profiles).to.deep.equal(['A', 'B']);
    expect(app.scopes).to.deep.equal(['api', 'web']);
    expect(app.certificates).to.deep.equal([]);
    expect(logged.join('\n')).to.include('no certificate');
  });

  it('leaves out a disabled app', async () => {
    await put(temp.dir, 'externalClientApps/Off.eca-meta.xml', `<ExternalClientApplication ${NS}><label>Off</label></ExternalClientApplication>`);
    await put(
      temp.dir,
      'extlClntAppPolicies/Off_plcy.ecaPlcy-meta.xml',
      `<ExtlClntAppConfigurablePolicies ${NS}><externalClientApplication>Off</externalClientApplication>` +
        '<isEnabled>true</isEnabled><isOauthPluginEnabled>false</isOauthPluginEnabled></ExtlClntAppConfigurablePolicies>',
    );
    const logged: string[] = [];
    const config = await loadEmulatorConfigFromMetadata(temp.dir, { log: (line) => logged.push(line) });
    expect(config.apps).to.deep.equal([]);
    expect(logged.join('\n')).to.include('left out');
  });

  it('names a malformed file', async () => {
    await put(temp.dir, 'externalClientApps/Bad.eca-meta.xml', `<ExternalClientApplication ${NS}><label>x</ExternalClientApplication>`);
    const error = await rejection(temp.dir);
    expect(error.code).to.equal('ERR_EMULATOR_CONFIG');
    expect(error.message).to.include('Bad.eca-meta.xml');
    expect(error.message).to.include('not well-formed');
  });

  it('rejects a file with the wrong root element', async () => {
    await put(temp.dir, 'connectedApps/Wrong.connectedApp-meta.xml', `<Package ${NS}></Package>`);
    expect((await rejection(temp.dir)).message).to.include('no ConnectedApp root element');
  });

  it('rejects a non-numeric timeout', async () => {
    await put(temp.dir, 'externalClientApps/T.eca-meta.xml', `<ExternalClientApplication ${NS}><label>T</label></ExternalClientApplication>`);
    await put(
      temp.dir,
      'extlClntAppOauthPolicies/T_oauthPlcy.ecaOauthPlcy-meta.xml',
      `<ExtlClntAppOauthConfigurablePolicies ${NS}><externalClientApplication>T</externalClientApplication>` +
        '<sessionTimeoutInMinutes>soon</sessionTimeoutInMinutes></ExtlClntAppOauthConfigurablePolicies>',
    );
    expect((await rejection(temp.dir)).message).to.include('"soon"');
  });

  it('rejects a folder without app metadata', async () => {
    const error = await rejection(temp.dir);
    expect(error.code).to.equal('ERR_EMULATOR_CONFIG');
    expect(error.message).to.include('externalClientApps/');
  });

  it('raises a TypeError for a missing folder argument', async () => {
    try {
      await loadEmulatorConfigFromMetadata('');
      expect.fail('an empty folder name was accepted');
    } catch (error) {
      expect(error).to.be.instanceOf(TypeError);
    }
  });
});
