import { expect } from 'chai';

import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { deriveApiName } from '../../src/setup/api-name.js';
import { normalizeAppSettings, type AppSettingsInput } from '../../src/setup/model.js';
import { toMetadataScopes } from '../../src/setup/scopes.js';
import { fixtureCertificate } from '../helpers/fixtures.js';

const BASE: AppSettingsInput = {
  label: 'Nightly Export',
  contactEmail: 'ops@example.com',
  certificatePem: fixtureCertificate,
  profiles: ['Integration User'],
};

function rejection(input: Partial<AppSettingsInput>): SfjwtError {
  try {
    normalizeAppSettings({ ...BASE, ...input });
  } catch (error) {
    if (error instanceof SfjwtError) {
      return error;
    }
    throw error;
  }
  throw new Error('normalizeAppSettings accepted the input');
}

describe('setup app settings', () => {
  it('fills the defaults', () => {
    const settings = normalizeAppSettings(BASE);
    expect(settings.route).to.equal('external-client-app');
    expect(settings.name).to.equal('Nightly_Export');
    expect(settings.scopes).to.deep.equal(['Api', 'RefreshToken']);
    expect(settings.apiVersion).to.equal('62.0');
    expect(settings.orgType).to.equal('production');
    expect(settings.ipRelaxation).to.equal('enforce');
    expect(settings.consumerKey).to.equal(undefined);
  });

  it('derives API names from labels', () => {
    expect(deriveApiName('Nightly Export & <Sync>')).to.equal('Nightly_Export_Sync');
    expect(deriveApiName('2024 Export')).to.equal('App_2024_Export');
    expect(deriveApiName('Café Crème')).to.equal('Cafe_Creme');
    expect(deriveApiName('***')).to.equal('App');
  });

  it('requires a contact email', () => {
    const error = rejection({ contactEmail: undefined });
    expect(error.code).to.equal('ERR_SETTING_MISSING');
    expect(error.actions.join(' ')).to.include('--contact-email');
  });

  it('rejects a malformed contact email', () => {
    expect(rejection({ contactEmail: 'ops at example' }).code).to.equal('ERR_SETTING_INVALID');
  });

  it('requires a profile or permission set', () => {
    const error = rejection({ profiles: [], permissionSets: [] });
    expect(error.code).to.equal('ERR_SETTING_MISSING');
    expect(error.message).to.include('profile or permission set');
  });

  it('rejects an invalid API name', () => {
    for (const name of ['1abc', 'a__b', 'a_', 'a-b', 'x'.repeat(81)]) {
      expect(rejection({ name }).code, name).to.equal('ERR_SETTING_INVALID');
    }
  });

  it('rejects a non-API permission set name', () => {
    expect(rejection({ permissionSets: ['JWT Access'] }).message).to.include('JWT Access');
  });

  it('rejects a profile name with a comma', () => {
    expect(rejection({ profiles: ['A, B'] }).code).to.equal('ERR_SETTING_INVALID');
  });

  it('rejects a label with a line break', () => {
    expect(rejection({ label: 'a\nb' }).code).to.equal('ERR_SETTING_INVALID');
  });

  it('refuses a high-assurance session level', () => {
    const error = rejection({ sessionLevel: 'high_assurance' as never });
    expect(error.code).to.equal('ERR_SETTING_INVALID');
    expect(error.actions.join(' ')).to.include('blocks headless JWT logins');
  });

  it('refuses session settings on a connected app', () => {
    expect(rejection({ route: 'connected-app', sessionTimeoutMinutes: 30 }).message).to.include('External Client Apps only');
  });

  it('rejects fractional timeout minutes', () => {
    expect(rejection({ sessionTimeoutMinutes: 1.5 }).code).to.equal('ERR_SETTING_INVALID');
  });

  it('rejects ECA API versions below 60.0', () => {
    expect(rejection({ apiVersion: '59.0' }).message).to.include('minimum 60.0');
    expect(normalizeAppSettings({ ...BASE, route: 'connected-app', apiVersion: '45.0' }).apiVersion).to.equal('45.0');
  });

  it('refuses --create-permission-set without a permission set', () => {
    expect(rejection({ createPermissionSets: true }).code).to.equal('ERR_SETTING_INVALID');
  });

  it('rejects a consumer key with surrounding whitespace', () => {
    expect(rejection({ consumerKey: '3MVG9abc\n' }).code).to.equal('ERR_SETTING_WHITESPACE');
  });

  it('maps both scope spellings and rejects unknown ones', () => {
    expect(toMetadataScopes(['api, refresh_token', 'Web', 'offline_access'])).to.deep.equal(['Api', 'RefreshToken', 'Web']);
    expect(() => toMetadataScopes(['api', 'visualforce'])).to.throw(SfjwtError, /visualforce/);
  });
});
