/**
 * The Metadata API types that `sfjwt setup` writes: package.xml type name,
 * source-format folder and file suffix of each, and the order of the
 * elements the generators emit. Salesforce's WSDL lists the fields of these
 * types alphabetically, and a deploy expects that order (Salesforce Metadata
 * API Developer Guide, pages ExternalClientApplication, ExtlClntAppOauthSettings,
 * ExtlClntAppGlobalOauthSettings, ExtlClntAppOauthConfigurablePolicies,
 * ExtlClntAppConfigurablePolicies, ConnectedApp, PermissionSet).
 */

/** Namespace of every Metadata API document. */
export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

export interface MetadataType {
  /** Type name in package.xml, also the root element of its files. */
  name: string;
  /** Folder under the source directory. */
  folder: string;
  /** File name ending after the component name. */
  suffix: string;
  /** Every element the generators may emit at the top level, in schema order. */
  elementOrder: readonly string[];
}

export const EXTERNAL_CLIENT_APPLICATION: MetadataType = {
  name: 'ExternalClientApplication',
  folder: 'externalClientApps',
  suffix: '.eca-meta.xml',
  elementOrder: ['contactEmail', 'description', 'distributionState', 'isProtected', 'label'],
};

export const ECA_OAUTH_SETTINGS: MetadataType = {
  name: 'ExtlClntAppOauthSettings',
  folder: 'extlClntAppOauthSettings',
  suffix: '.ecaOauth-meta.xml',
  elementOrder: ['commaSeparatedOauthScopes', 'externalClientApplication', 'label'],
};

export const ECA_GLOBAL_OAUTH_SETTINGS: MetadataType = {
  name: 'ExtlClntAppGlobalOauthSettings',
  folder: 'extlClntAppGlobalOauthSets',
  suffix: '.ecaGlblOauth-meta.xml',
  elementOrder: ['callbackUrl', 'certificate', 'consumerKey', 'externalClientApplication', 'isPkceRequired', 'label'],
};

export const ECA_OAUTH_POLICIES: MetadataType = {
  name: 'ExtlClntAppOauthConfigurablePolicies',
  folder: 'extlClntAppOauthPolicies',
  suffix: '.ecaOauthPlcy-meta.xml',
  elementOrder: [
    'commaSeparatedPermissionSet',
    'commaSeparatedProfile',
    'externalClientApplication',
    'ipRelaxationPolicyType',
    'label',
    'permittedUsersPolicyType',
    'requiredSessionLevel',
    'sessionTimeoutInMinutes',
  ],
};

export const ECA_POLICIES: MetadataType = {
  name: 'ExtlClntAppConfigurablePolicies',
  folder: 'extlClntAppPolicies',
  suffix: '.ecaPlcy-meta.xml',
  elementOrder: ['externalClientApplication', 'isEnabled', 'isOauthPluginEnabled', 'label'],
};

export const CONNECTED_APP: MetadataType = {
  name: 'ConnectedApp',
  folder: 'connectedApps',
  suffix: '.connectedApp-meta.xml',
  elementOrder: [
    'contactEmail',
    'description',
    'label',
    'oauthConfig',
    'oauthPolicy',
    'permissionSetName',
    'profileName',
  ],
};

/** Element order inside ConnectedApp's `oauthConfig` (type ConnectedAppOauthConfig). */
export const CONNECTED_APP_OAUTH_CONFIG_ORDER: readonly string[] = [
  'callbackUrl',
  'certificate',
  'consumerKey',
  'isAdminApproved',
  'scopes',
];

/** Element order inside ConnectedApp's `oauthPolicy` (type ConnectedAppOauthPolicy). */
export const CONNECTED_APP_OAUTH_POLICY_ORDER: readonly string[] = ['ipRelaxation', 'refreshTokenPolicy'];

export const PERMISSION_SET: MetadataType = {
  name: 'PermissionSet',
  folder: 'permissionsets',
  suffix: '.permissionset-meta.xml',
  elementOrder: ['description', 'hasActivationRequired', 'label', 'userPermissions'],
};

/** Element order inside PermissionSet's `userPermissions` (type PermissionSetUserPermission). */
export const PERMISSION_SET_USER_PERMISSION_ORDER: readonly string[] = ['enabled', 'name'];
