import { expect } from 'chai';

import { generateComponents } from '../../src/setup/generate.js';
import { generatePackageXml } from '../../src/setup/generators/package-xml.js';
import type { GeneratedComponent } from '../../src/setup/generators/component.js';
import { normalizeAppSettings, type AppSettingsInput } from '../../src/setup/model.js';
import { fixtureCertificate } from '../helpers/fixtures.js';
import { childElements, childNames, childText, childTexts, METADATA_NS, parseXml, rootOf } from './helpers.js';

const LABEL = 'Nightly Export & <Sync> "A" \'B\'';

function settings(overrides: Partial<AppSettingsInput> = {}): ReturnType<typeof normalizeAppSettings> {
  return normalizeAppSettings({
    label: LABEL,
    contactEmail: 'ops@example.com',
    certificatePem: fixtureCertificate,
    profiles: ['Integration User'],
    ...overrides,
  });
}

function byType(components: readonly GeneratedComponent[], typeName: string): GeneratedComponent {
  const component = components.find((candidate) => candidate.type.name === typeName);
  if (component === undefined) {
    throw new Error(`no ${typeName} component`);
  }
  return component;
}

function sorted(names: readonly string[]): string[] {
  // Code-unit order, as Salesforce's WSDL sorts element names.
  return [...names].sort();
}

describe('setup metadata generation', () => {
  describe('External Client App route', () => {
    const components = generateComponents(settings());

    it('writes five types with suffixes', () => {
      expect(components.map((component) => component.relativePath)).to.deep.equal([
        'externalClientApps/Nightly_Export_Sync_A_B.eca-meta.xml',
        'extlClntAppOauthSettings/Nightly_Export_Sync_A_B_oauth.ecaOauth-meta.xml',
        'extlClntAppGlobalOauthSets/Nightly_Export_Sync_A_B_glbloauth.ecaGlblOauth-meta.xml',
        'extlClntAppOauthPolicies/Nightly_Export_Sync_A_B_oauthPlcy.ecaOauthPlcy-meta.xml',
        'extlClntAppPolicies/Nightly_Export_Sync_A_B_plcy.ecaPlcy-meta.xml',
      ]);
    });

    it('emits declaration, root and namespace', () => {
      for (const component of components) {
        expect(component.content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'), component.relativePath).to.equal(true);
        const root = rootOf(parseXml(component.content));
        expect(root.localName).to.equal(component.type.name);
        expect(root.namespaceURI).to.equal(METADATA_NS);
      }
    });

    it('emits elements in alphabetical schema order', () => {
      for (const component of components) {
        const names = childNames(rootOf(parseXml(component.content)));
        expect(names, component.relativePath).to.deep.equal(sorted(names));
      }
    });

    it('escapes the label and parses back to it', () => {
      const header = byType(components, 'ExternalClientApplication');
      expect(header.content).to.include('<label>Nightly Export &amp; &lt;Sync&gt; &quot;A&quot; &apos;B&apos;</label>');
      expect(childText(rootOf(parseXml(header.content)), 'label')).to.equal(LABEL);
    });

    it('sets the header fields', () => {
      const root = rootOf(parseXml(byType(components, 'ExternalClientApplication').content));
      expect(childText(root, 'contactEmail')).to.equal('ops@example.com');
      expect(childText(root, 'distributionState')).to.equal('Local');
    });

    it('links every settings file to the app', () => {
      for (const component of components.slice(1)) {
        const root = rootOf(parseXml(component.content));
        expect(childText(root, 'externalClientApplication'), component.relativePath).to.equal('Nightly_Export_Sync_A_B');
      }
    });

    it('writes the scopes comma-separated', () => {
      const root = rootOf(parseXml(byType(components, 'ExtlClntAppOauthSettings').content));
      expect(childText(root, 'commaSeparatedOauthScopes')).to.equal('Api, RefreshToken');
    });

    it('puts certificate in global settings', () => {
      const root = rootOf(parseXml(byType(components, 'ExtlClntAppGlobalOauthSettings').content));
      expect(childText(root, 'certificate')).to.equal(fixtureCertificate.trim());
      expect(childText(root, 'isPkceRequired')).to.equal('false');
      expect(childText(root, 'callbackUrl')).to.equal('http://localhost:1717/OauthRedirect');
    });

    it('writes no consumer key unless asked', () => {
      const root = rootOf(parseXml(byType(components, 'ExtlClntAppGlobalOauthSettings').content));
      expect(childNames(root)).to.not.include('consumerKey');
    });

    it('writes a consumer key when given one', () => {
      const withKey = generateComponents(settings({ consumerKey: '3MVG9exampleKey' }));
      const root = rootOf(parseXml(byType(withKey, 'ExtlClntAppGlobalOauthSettings').content));
      expect(childText(root, 'consumerKey')).to.equal('3MVG9exampleKey');
    });

    it('never writes a consumer secret', () => {
      const all = generateComponents(settings({ consumerKey: '3MVG9exampleKey', permissionSets: ['JWT_Access'] }));
      for (const component of all) {
        expect(component.content.toLowerCase(), component.relativePath).to.not.include('secret');
      }
    });

    it('pre-authorizes admin-approved users with the assignments', () => {
      const withBoth = generateComponents(
        settings({ profiles: ['Integration User', 'System Administrator'], permissionSets: ['JWT_Access'] }),
      );
      const root = rootOf(parseXml(byType(withBoth, 'ExtlClntAppOauthConfigurablePolicies').content));
      expect(childText(root, 'permittedUsersPolicyType')).to.equal('AdminApprovedPreAuthorized');
      expect(childText(root, 'commaSeparatedProfile')).to.equal('Integration User,System Administrator');
      expect(childText(root, 'commaSeparatedPermissionSet')).to.equal('JWT_Access');
      expect(childText(root, 'ipRelaxationPolicyType')).to.equal('Enforce');
    });

    it('writes session timeout and level only when set', () => {
      const plain = rootOf(parseXml(byType(components, 'ExtlClntAppOauthConfigurablePolicies').content));
      expect(childNames(plain)).to.not.include('sessionTimeoutInMinutes');
      expect(childNames(plain)).to.not.include('requiredSessionLevel');
      const set = generateComponents(settings({ sessionTimeoutMinutes: 30, sessionLevel: 'standard' }));
      const root = rootOf(parseXml(byType(set, 'ExtlClntAppOauthConfigurablePolicies').content));
      expect(childText(root, 'sessionTimeoutInMinutes')).to.equal('30');
      expect(childText(root, 'requiredSessionLevel')).to.equal('STANDARD');
    });

    it('enables the app and its OAuth plugin', () => {
      const root = rootOf(parseXml(byType(components, 'ExtlClntAppConfigurablePolicies').content));
      expect(childText(root, 'isEnabled')).to.equal('true');
      expect(childText(root, 'isOauthPluginEnabled')).to.equal('true');
    });

    it('writes body-only certificate', () => {
      const body = generateComponents(settings({ certificateFormat: 'body' }));
      const certificate = childText(rootOf(parseXml(byType(body, 'ExtlClntAppGlobalOauthSettings').content)), 'certificate');
      expect(certificate).to.match(/^MII[A-Za-z0-9+/=]+$/);
    });
  });

  describe('connected app route', () => {
    const components = generateComponents(
      settings({ route: 'connected-app', profiles: ['Integration User'], permissionSets: ['JWT_Access'], consumerKey: '3MVG9k' }),
    );
    const app = byType(components, 'ConnectedApp');
    const root = rootOf(parseXml(app.content));

    it('writes one file in connectedApps', () => {
      expect(components.map((component) => component.relativePath)).to.deep.equal([
        'connectedApps/Nightly_Export_Sync_A_B.connectedApp-meta.xml',
      ]);
      expect(root.namespaceURI).to.equal(METADATA_NS);
    });

    it('emits elements in alphabetical order at every level', () => {
      expect(childNames(root)).to.deep.equal(sorted(childNames(root)));
      for (const nested of childElements(root).filter((child) => childElements(child).length > 0)) {
        expect(childNames(nested), nested.localName ?? '').to.deep.equal(sorted(childNames(nested)));
      }
    });

    it('configures OAuth for the JWT bearer flow', () => {
      const oauthConfig = childElements(root).find((child) => child.localName === 'oauthConfig');
      expect(oauthConfig).to.not.equal(undefined);
      expect(childText(oauthConfig!, 'certificate')).to.equal(fixtureCertificate.trim());
      expect(childText(oauthConfig!, 'consumerKey')).to.equal('3MVG9k');
      expect(childText(oauthConfig!, 'isAdminApproved')).to.equal('true');
      expect(childTexts(oauthConfig!, 'scopes')).to.deep.equal(['Api', 'RefreshToken']);
      expect(childText(oauthConfig!, 'callbackUrl')).to.equal('http://localhost:1717/OauthRedirect');
    });

    it('sets the OAuth policy', () => {
      const oauthPolicy = childElements(root).find((child) => child.localName === 'oauthPolicy');
      expect(childText(oauthPolicy!, 'ipRelaxation')).to.equal('ENFORCE');
      expect(childText(oauthPolicy!, 'refreshTokenPolicy')).to.equal('infinite');
    });

    it('names the profiles and permission sets', () => {
      expect(childTexts(root, 'profileName')).to.deep.equal(['Integration User']);
      expect(childTexts(root, 'permissionSetName')).to.deep.equal(['JWT_Access']);
    });

    it('escapes the label', () => {
      expect(childText(root, 'label')).to.equal(LABEL);
      expect(app.content).to.include('&amp; &lt;Sync&gt;');
    });

    it('writes no consumer secret', () => {
      expect(app.content.toLowerCase()).to.not.include('secret');
    });
  });

  describe('permission set', () => {
    it('comes first and grants API Enabled', () => {
      const components = generateComponents(settings({ permissionSets: ['JWT_Access'], createPermissionSets: true }));
      const permissionSet = components[0]!;
      expect(permissionSet.relativePath).to.equal('permissionsets/JWT_Access.permissionset-meta.xml');
      const root = rootOf(parseXml(permissionSet.content));
      expect(root.localName).to.equal('PermissionSet');
      expect(childNames(root)).to.deep.equal(sorted(childNames(root)));
      expect(childText(root, 'label')).to.equal('JWT Access');
      const permission = childElements(root).find((child) => child.localName === 'userPermissions')!;
      expect(childText(permission, 'name')).to.equal('ApiEnabled');
      expect(childText(permission, 'enabled')).to.equal('true');
    });
  });

  describe('package.xml', () => {
    it('lists exact type names', () => {
      const components = generateComponents(settings({ permissionSets: ['JWT_Access'], createPermissionSets: true }));
      const root = rootOf(parseXml(generatePackageXml(components, '62.0')));
      expect(root.localName).to.equal('Package');
      expect(root.namespaceURI).to.equal(METADATA_NS);
      const types = childElements(root).filter((child) => child.localName === 'types');
      expect(types.map((type) => childText(type, 'name'))).to.deep.equal([
        'PermissionSet',
        'ExternalClientApplication',
        'ExtlClntAppOauthSettings',
        'ExtlClntAppGlobalOauthSettings',
        'ExtlClntAppOauthConfigurablePolicies',
        'ExtlClntAppConfigurablePolicies',
      ]);
      expect(types.map((type) => childTexts(type, 'members'))).to.deep.equal([
        ['JWT_Access'],
        ['Nightly_Export_Sync_A_B'],
        ['Nightly_Export_Sync_A_B_oauth'],
        ['Nightly_Export_Sync_A_B_glbloauth'],
        ['Nightly_Export_Sync_A_B_oauthPlcy'],
        ['Nightly_Export_Sync_A_B_plcy'],
      ]);
      expect(childText(root, 'version')).to.equal('62.0');
    });
  });
});
