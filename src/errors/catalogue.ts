/**
 * The closed set of sfjwt error codes. Each entry gives where the fault lies,
 * the CLI exit code, the likely causes in order, and the default actions.
 * docs/errors.md is generated from this table by `npm run docs:errors`, and a
 * test fails when the two differ or when the source raises a code missing here.
 */

/** Party at fault: caller input, key material, org, network, files or sfjwt. Each maps to one exit code. */
export type ErrorCategory = 'usage' | 'key' | 'org' | 'network' | 'file' | 'internal';

export interface CatalogueEntry {
  category: ErrorCategory;
  /** One line on what the code means. */
  summary: string;
  /** Likely causes, most frequent first. */
  causes: readonly string[];
  /** Default next steps, most likely fix first; context-aware advice may replace them. */
  actions: readonly string[];
}

/** Process exit code for each category, documented in docs/cli.md. */
export const EXIT_CODES: Readonly<Record<ErrorCategory, number>> = {
  org: 1,
  usage: 2,
  key: 3,
  network: 4,
  file: 5,
  internal: 70,
};

const entries = {
  // Settings and options given by the user.
  ERR_USAGE: {
    category: 'usage',
    summary: 'The command line could not be parsed: an unknown command or option, or a missing argument.',
    causes: ['A typo in a command or option name.'],
    actions: ['Run `sfjwt --help`, or `sfjwt COMMAND --help`, for the commands and options.'],
  },
  ERR_SETTING_MISSING: {
    category: 'usage',
    summary: 'A required setting (consumer key, username, key file, ...) was not given.',
    causes: ['The flag and its environment variable are both unset.'],
    actions: ['Pass the flag named in the message, or set its environment variable.'],
  },
  ERR_SETTING_INVALID: {
    category: 'usage',
    summary: 'A setting has a value sfjwt cannot use.',
    causes: ['A typo in a flag value.', 'A value of the wrong type (text where a number belongs).'],
    actions: ['Correct the value named in the message; `sfjwt COMMAND --help` lists the accepted values.'],
  },
  ERR_SETTING_WHITESPACE: {
    category: 'usage',
    summary: 'A consumer key or username has leading or trailing whitespace.',
    causes: [
      'The value was copied from Setup with a trailing space or newline.',
      'A CI secret or .env line keeps a trailing newline.',
    ],
    actions: ['Remove the surrounding whitespace; Salesforce compares these values exactly.'],
  },

  // Endpoints and audiences.
  ERR_LOGIN_URL_INVALID: {
    category: 'usage',
    summary: 'The token URL is not an absolute URL.',
    causes: ['A host name without `https://`.', 'A typo.'],
    actions: ['Pass a full URL such as https://login.salesforce.com or https://MyDomain.my.salesforce.com.'],
  },
  ERR_LOGIN_URL_INSECURE: {
    category: 'usage',
    summary: 'The token URL uses plain http on a host other than loopback.',
    causes: ['`http://` typed instead of `https://`.'],
    actions: ['Use https; plain http is accepted only for 127.0.0.1, ::1 and localhost (the emulator).'],
  },
  ERR_LOGIN_URL_LIGHTNING: {
    category: 'usage',
    summary: 'The token URL is a Lightning UI domain, which never serves OAuth.',
    causes: ['The URL was copied from the browser address bar (`*.lightning.force.com`).'],
    actions: ['Use the My Domain login URL `https://MyDomain.my.salesforce.com` instead.'],
  },
  ERR_AUDIENCE_INVALID: {
    category: 'usage',
    summary: 'The audience is not a single https URL.',
    causes: ['A list of audiences.', '`http://` instead of `https://`.', 'A host name without a scheme.'],
    actions: ['Use https://login.salesforce.com, https://test.salesforce.com or the site or My Domain URL.'],
  },
  ERR_AUDIENCE_MISMATCH: {
    category: 'usage',
    summary: 'The audience belongs to production while the token URL is a sandbox, or the reverse.',
    causes: ['A sandbox login URL with the production audience, or the reverse.'],
    actions: [
      'Use https://test.salesforce.com as audience with sandbox endpoints and https://login.salesforce.com with production ones.',
    ],
  },
  ERR_ASSERTION_MALFORMED: {
    category: 'usage',
    summary: 'The assertion given is not a JWT (three base64url segments).',
    causes: ['A truncated copy.', 'The wrong value pasted.'],
    actions: ['Let sfjwt sign the assertion from the key file, or pass the complete signed JWT.'],
  },
  ERR_ASSERTION_EXPIRED: {
    category: 'usage',
    summary: 'The presigned assertion has expired; sfjwt did not send it.',
    causes: ['The assertion was signed more than its lifetime ago.', 'Its `exp` was computed in the wrong unit or time zone.'],
    actions: ['Sign a fresh assertion, or let sfjwt sign one from the key file (drop --assertion-file).'],
  },
  ERR_ASSERTION_IS_KEY: {
    category: 'key',
    summary: 'A PEM private key was given where the signed assertion belongs.',
    causes: ['The key text was pasted into the assertion setting.'],
    actions: [
      'Pass the key with --key-file or SF_JWT_KEY instead.',
      'Treat this key as exposed if it was sent anywhere: generate a new pair and upload the new certificate.',
    ],
  },

  // Errors returned by the Salesforce token endpoint (exact strings in src/oauth/salesforce-errors.ts).
  ERR_OAUTH_INVALID_CLIENT_ID: {
    category: 'org',
    summary: 'Salesforce: invalid_client_id / client identifier invalid.',
    causes: [
      'The consumer key (`iss`) is wrong or belongs to another org.',
      'A new or edited connected app is still propagating (up to 10 minutes).',
    ],
    actions: [
      'Copy the consumer key again from the app (Settings, OAuth Settings, Consumer Key and Secret).',
      'Wait up to 10 minutes after creating or editing a connected app, then try once more.',
    ],
  },
  ERR_OAUTH_INVALID_ASSERTION: {
    category: 'org',
    summary: 'Salesforce: invalid_grant / invalid assertion (the signature does not verify).',
    causes: [
      'The private key does not belong to the certificate uploaded to the app.',
      'The JWT is malformed or signed with an algorithm other than RS256.',
    ],
    actions: [
      'Run `sfjwt cert check --key KEY --cert CERT` against the certificate uploaded to the app.',
      'Upload the certificate that belongs to the key (the app\'s JWT Bearer Flow settings).',
    ],
  },
  ERR_OAUTH_AUDIENCE_INVALID: {
    category: 'org',
    summary: 'Salesforce: invalid_grant / audience is invalid.',
    causes: [
      'Production audience for a sandbox user, or the reverse.',
      'The org wants its My Domain URL as audience.',
      '`http://` in the audience.',
    ],
    actions: [
      'Set the audience (--audience or SF_AUDIENCE_URL) to https://test.salesforce.com for sandboxes, https://login.salesforce.com for production.',
      'Try the My Domain URL as audience.',
    ],
  },
  ERR_OAUTH_ASSERTION_EXPIRED: {
    category: 'org',
    summary: 'Salesforce: invalid_grant / expired authorization code (`exp` is in the past).',
    causes: ['The local clock is slow.', 'A hand-made assertion with `exp` in milliseconds or the wrong time zone.'],
    actions: ['Synchronise the clock (NTP); sfjwt emits `exp` in seconds, now plus 180 s.'],
  },
  ERR_OAUTH_USER_NOT_APPROVED: {
    category: 'org',
    summary: "Salesforce: invalid_grant / user hasn't approved this consumer.",
    causes: [
      'A sandbox user sent to a production endpoint, or the reverse.',
      'Permitted Users is not "Admin approved users are pre-authorized".',
      "The user's profile or permission set is not assigned to the app.",
      'A self-authorize policy without a prior approval that issued a refresh token.',
    ],
    actions: [
      'Check that the endpoint matches the user: test.salesforce.com or the sandbox My Domain for sandbox users.',
      'Set Permitted Users to "Admin approved users are pre-authorized" in the app\'s OAuth policies.',
      "Assign the user's profile or permission set to the app.",
    ],
  },
  ERR_OAUTH_APP_ACCESS_DENIED: {
    category: 'org',
    summary: 'Salesforce: invalid_app_access / user is not admin approved to access this app.',
    causes: ["The app is admin-approved but the user's profile or permission set is not assigned to it."],
    actions: ["Assign the user's profile or a permission set of the user to the app (Policies, Profiles / Permission Sets)."],
  },
  ERR_OAUTH_INACTIVE_USER: {
    category: 'org',
    summary: 'Salesforce: invalid_grant / inactive user.',
    causes: ['The user is deactivated or frozen.'],
    actions: ['Reactivate the user in Setup, Users, or use an active integration user.'],
  },
  ERR_OAUTH_IP_RESTRICTED: {
    category: 'org',
    summary: 'Salesforce: invalid_grant / IP restricted or invalid login hours.',
    causes: ["The caller's IP is outside the profile's login IP ranges.", "The profile's login hours exclude now."],
    actions: [
      "Add the caller's IP to the profile's Login IP Ranges or adjust Login Hours.",
      'Relaxing IP restrictions on the app does not apply to the JWT bearer flow.',
    ],
  },
  ERR_OAUTH_APP_NOT_FOUND: {
    category: 'org',
    summary: 'Salesforce: app_not_found / External client app is not installed in this org.',
    causes: [
      'The consumer key belongs to an app in another org (or before a sandbox refresh).',
      'The org wants its My Domain URL as audience instead of login or test.',
    ],
    actions: [
      'Try the My Domain URL as audience (--audience https://MyDomain.my.salesforce.com).',
      'Check that the External Client App exists in this org and copy its consumer key again.',
    ],
  },
  ERR_OAUTH_UNSUPPORTED_GRANT_TYPE: {
    category: 'org',
    summary: 'Salesforce: unsupported_grant_type / grant type not supported.',
    causes: ['`grant_type` missing, misspelled, in the query string or sent as JSON.'],
    actions: ['Send a form-encoded body with grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer.'],
  },
  ERR_OAUTH_RATE_LIMITED: {
    category: 'org',
    summary: 'Salesforce: rate_limit_exceeded (too many logins).',
    causes: ['Too many token requests for this user in a short time.'],
    actions: ['Cache the access token and reuse it until a call returns 401 (sfjwt\'s token provider does this).'],
  },
  ERR_OAUTH_AUTHENTICATION_FAILURE: {
    category: 'org',
    summary: 'Salesforce: invalid_grant / authentication failure (username-password flow).',
    causes: ['Wrong username, password or security token.', 'The org blocks the username-password flow.'],
    actions: ['Move this integration to the JWT bearer flow: `sfjwt setup`, then `sfjwt token`.'],
  },
  ERR_OAUTH_INVALID_CLIENT: {
    category: 'org',
    summary: 'Salesforce: invalid_client / invalid client credentials.',
    causes: ['Wrong client secret in the username-password flow.'],
    actions: ['Move this integration to the JWT bearer flow, which sends no client secret.'],
  },
  ERR_OAUTH_OTHER: {
    category: 'org',
    summary: 'Salesforce returned an OAuth error that sfjwt has no advice for.',
    causes: ['A new or rare Salesforce answer.'],
    actions: ['Read error and error_description in the message; search them in docs/troubleshooting.md.'],
  },

  // Network and HTTP.
  ERR_HTTP_UNREACHABLE: {
    category: 'network',
    summary: 'The token endpoint could not be reached.',
    causes: ['DNS failure, connection refused or reset.', 'A proxy or firewall blocks the host.'],
    actions: ['Check the token URL and the network path to it; sfjwt retried transient failures already.'],
  },
  ERR_HTTP_TIMEOUT: {
    category: 'network',
    summary: 'The token endpoint did not answer in time.',
    causes: ['A slow or blocked network path.'],
    actions: ['Retry later, or raise --timeout.'],
  },
  ERR_HTTP_SERVER_ERROR: {
    category: 'network',
    summary: 'The endpoint kept answering with an HTTP 5xx status.',
    causes: ['A Salesforce incident or maintenance.', 'A proxy in between failed.'],
    actions: ['Check https://status.salesforce.com and retry later.'],
  },
  ERR_HTTP_UNEXPECTED_RESPONSE: {
    category: 'network',
    summary: 'The endpoint answered with something that is not a Salesforce OAuth response.',
    causes: ['The token URL points at a web page or a proxy, not a Salesforce login host.'],
    actions: ['Check the token URL: it must be a Salesforce login host, My Domain, site or the emulator.'],
  },
  ERR_SESSION_INVALID: {
    category: 'org',
    summary: 'A REST call returned 401 INVALID_SESSION_ID (the access token expired or was revoked).',
    causes: ['The session timeout passed.', 'The token was revoked.'],
    actions: ['Mint a new token; with JWT there is no refresh token, so sign and exchange a new assertion.'],
  },

  // Files.
  ERR_FILE_EXISTS: {
    category: 'file',
    summary: 'A file sfjwt would write already exists.',
    causes: ['An earlier run wrote it.'],
    actions: ['Pass --force to replace it, or choose another output folder.'],
  },
  ERR_FILE_WRITE: {
    category: 'file',
    summary: 'A file could not be written.',
    causes: ['The folder is not writable or the disk is full.'],
    actions: ['Check the permissions of the output folder.'],
  },
  ERR_FILE_READ: {
    category: 'file',
    summary: 'A file could not be read.',
    causes: ['The path is wrong, or the file is not readable by this user.'],
    actions: ['Check the path and its permissions.'],
  },

  // Emulator.
  ERR_EMULATOR_CONFIG: {
    category: 'usage',
    summary: 'The emulator configuration is invalid.',
    causes: ['A JSON file that does not match the documented shape.', 'A certificate that is not PEM.'],
    actions: ['Fix the field named in the message; docs/emulator.md shows the configuration shape.'],
  },
  ERR_PORT_IN_USE: {
    category: 'usage',
    summary: 'The port is already in use.',
    causes: ['Another emulator or server runs on that port.'],
    actions: ['Choose another --port, or 0 for a random free port.'],
  },

  // Token provider, clients and broker.
  ERR_TOKEN_STORE_UNREACHABLE: {
    category: 'network',
    summary: 'The Redis token store could not be reached, or a command to it failed.',
    causes: [
      'Redis is not running at the URL, or a firewall blocks the port.',
      'Wrong password or user in the URL (NOAUTH, WRONGPASS).',
      'A rediss:// URL for a server without TLS, or the reverse.',
    ],
    actions: [
      'Check the URL with `redis-cli -u URL ping`.',
      'Leave the store unset to cache tokens in this process\'s memory instead.',
    ],
  },
  ERR_TOKEN_STORE_TIMEOUT: {
    category: 'network',
    summary: 'Another process held the token lock in Redis longer than the wait timeout.',
    causes: [
      'The holder\'s token request is slow (a slow network path to Salesforce).',
      'The holder died; its lock expires after lockTtlMs.',
    ],
    actions: ['Retry; raise redis.waitTimeoutMs above redis.lockTtlMs if token requests are slow.'],
  },
  ERR_TOKEN_STORE_DECRYPT: {
    category: 'usage',
    summary: 'A token in the Redis store could not be decrypted with this process\'s encryption key.',
    causes: [
      'Processes sharing the store were given different encryption keys.',
      'Some processes encrypt tokens and others do not.',
    ],
    actions: [
      'Give every process that shares the store the same redis.encryptionKey.',
      'Or give each group of processes its own redis.keyPrefix.',
    ],
  },
  ERR_JSFORCE_MISSING: {
    category: 'usage',
    summary: 'The jsforce adapter was called but the jsforce package is not installed.',
    causes: ['jsforce is an optional peer dependency of sfjwt and was not installed.'],
    actions: ['Run `npm install jsforce@3`.'],
  },
  ERR_BROKER_CONFIG: {
    category: 'usage',
    summary: 'The broker configuration file is invalid.',
    causes: [
      'A field missing or of the wrong type.',
      'The local secret given as a literal instead of a hash, a file or an environment variable.',
      'The secret file or environment variable is empty or unset.',
    ],
    actions: ['Fix the field named in the message; docs/cli.md shows the broker configuration shape.'],
  },

  // Faults of sfjwt itself.
  ERR_INTERNAL: {
    category: 'internal',
    summary: 'sfjwt failed in a way it did not anticipate.',
    causes: ['A bug in sfjwt or in a library below it.'],
    actions: ['Report it with the command line and the message (secrets are already masked in it).'],
  },

  // Key material (loading, checking, generating).
  ERR_KEY_TEXT_AS_PATH: {
    category: 'key',
    summary: 'The key file setting (--key-file, SF_JWT_KEY_FILE, a keyFile field) holds the key itself, not a path.',
    causes: ['The PEM text or its base64 was put in SF_JWT_KEY_FILE instead of SF_JWT_KEY.'],
    actions: [
      'Put the key text in SF_JWT_KEY, or write it to a file (mode 0600) and pass that path as --key-file.',
      'Check where the value was stored or logged on the way: if it left your control, generate a new pair.',
    ],
  },
  ERR_KEY_NOT_RSA: {
    category: 'key',
    summary: 'The key is not an RSA key; Salesforce accepts only RS256.',
    causes: ['An EC or Ed25519 key.'],
    actions: ['Generate an RSA key pair with `sfjwt cert generate` and upload the new certificate.'],
  },
  ERR_KEY_TOO_SHORT: {
    category: 'key',
    summary: 'The RSA key is shorter than 2048 bits, the minimum for RS256.',
    causes: ['An old 1024-bit key.', 'A test key generated with a small size.'],
    actions: ['Generate a 2048-bit or longer key pair with `sfjwt cert generate` and upload the new certificate.'],
  },
  ERR_KEY_EMPTY: {
    category: 'key',
    summary: 'The key file or value is empty.',
    causes: [
      'An unset or empty CI secret.',
      'A file truncated to zero bytes by a failed copy.',
    ],
    actions: ['Put the PEM private key (the text starting BEGIN PRIVATE KEY) in the file or variable named in the message.'],
  },
  ERR_KEY_UNRECOGNIZED: {
    category: 'key',
    summary: 'The data is not a key in any format sfjwt reads (PEM, DER, PKCS#12).',
    causes: [
      'Random bytes left by a CI secret that failed to decrypt.',
      'A file path stored in SF_JWT_KEY, which holds the key text itself.',
      'The wrong file.',
    ],
    actions: [
      'Run `sfjwt cert inspect FILE` on the file to see what it contains.',
      'Pass a file path with --key-file or SF_JWT_KEY_FILE; SF_JWT_KEY takes the PEM text.',
    ],
  },
  ERR_KEY_MALFORMED: {
    category: 'key',
    summary: 'The key is recognisable but damaged: truncated, with lines missing, or with an invalid body.',
    causes: [
      'A copy that lost the END line or some lines of the body.',
      'Characters changed in transit (a CI secret or chat paste).',
    ],
    actions: [
      'Copy the key again from its original file, including the BEGIN and END lines.',
      'If the original is lost, generate a new pair with `sfjwt cert generate` and upload the new certificate.',
    ],
  },
  ERR_KEY_FORMAT_UNSUPPORTED: {
    category: 'key',
    summary: 'The key is in a format sfjwt does not read (OpenSSH, PuTTY, or a cipher OpenSSL 3 disabled).',
    causes: ['An SSH key (`BEGIN OPENSSH PRIVATE KEY`) or a PuTTY .ppk file.', 'A key encrypted with DES or RC2.'],
    actions: ['Convert the key to PEM PKCS#8 with the command in the message.'],
  },
  ERR_KEY_IS_CERTIFICATE: {
    category: 'key',
    summary: 'A certificate (or certificate request) was given where the private key belongs.',
    causes: ['The .crt file was passed instead of the .key file written beside it.'],
    actions: [
      'Pass the private key file (BEGIN PRIVATE KEY); the certificate is the file uploaded to Salesforce.',
    ],
  },
  ERR_KEY_IS_PUBLIC: {
    category: 'key',
    summary: 'A public key was given where the private key belongs.',
    causes: ['The public half of the pair was exported and passed instead of the private key.'],
    actions: ['Pass the private key file (BEGIN PRIVATE KEY) that belongs to the certificate uploaded to the app.'],
  },
  ERR_KEY_IS_JWT: {
    category: 'key',
    summary: 'A signed JWT was given where the private key belongs.',
    causes: ['An assertion or access token was pasted into the key setting.'],
    actions: [
      'Pass the private key with --key-file or SF_JWT_KEY; sfjwt signs the assertion itself.',
      'Treat the JWT as exposed if it was stored with the key settings.',
    ],
  },
  ERR_KEY_ENCRYPTED: {
    category: 'key',
    summary: 'The private key or PKCS#12 keystore is encrypted and no passphrase was given.',
    causes: ['The key was generated or exported with a passphrase.'],
    actions: [
      'Set SF_JWT_KEY_PASSPHRASE, or pass --passphrase-file FILE; in a terminal sfjwt prompts for it.',
      'Library callers pass `passphrase` in the key source.',
    ],
  },
  ERR_KEY_PASSPHRASE_WRONG: {
    category: 'key',
    summary: 'The private key or PKCS#12 keystore could not be decrypted with the passphrase given.',
    causes: [
      'A wrong passphrase, or one with a trailing newline or space.',
      'The passphrase of another key.',
      'An encrypted file damaged in transit.',
    ],
    actions: [
      'Check the passphrase: a passphrase file is read whole, less one trailing newline.',
      'Test it with `openssl pkey -in FILE -noout` (or `openssl pkcs12 -in FILE -noout` for a keystore).',
    ],
  },
  ERR_KEY_KEYSTORE_EMPTY: {
    category: 'key',
    summary: 'The PKCS#12 keystore contains no private key.',
    causes: ['The keystore was exported with certificates only (`openssl pkcs12 -export -nokeys`).'],
    actions: ['Export the keystore again with its private key, or pass the PEM private key file.'],
  },
  ERR_KEY_CERT_MISMATCH: {
    category: 'key',
    summary: 'The private key does not belong to the certificate.',
    causes: [
      'The certificate uploaded to the app was generated with another key.',
      'A key rotation switched the key but not the certificate, or the reverse.',
    ],
    actions: [
      'Upload the certificate generated with this key, or use the key that belongs to this certificate.',
      'Compare fingerprints with `sfjwt cert inspect FILE` on each file.',
    ],
  },
  ERR_CERT_INVALID: {
    category: 'key',
    summary: 'The file given as a certificate is not an X.509 certificate.',
    causes: ['The private key or another file was passed as the certificate.', 'A truncated copy.'],
    actions: ['Pass the PEM certificate (`-----BEGIN CERTIFICATE-----`) uploaded to the app.'],
  },

  // App setup (`sfjwt setup`).
  ERR_SETUP_CERT_IS_PRIVATE_KEY: {
    category: 'key',
    summary: 'The file given as the app certificate contains a private key.',
    causes: ['The .key file was passed to --cert instead of the .crt file written beside it.'],
    actions: [
      'Pass the certificate (`-----BEGIN CERTIFICATE-----`) to --cert; the private key stays with the integration.',
      'If the key was uploaded or committed anywhere, treat it as exposed: generate a new pair with `sfjwt cert generate`.',
    ],
  },
  ERR_SETUP_CERT_TOO_LARGE: {
    category: 'key',
    summary: 'The certificate file is larger than the 4 KB that Salesforce accepts for upload.',
    causes: [
      'A certificate chain or a bundle of several files.',
      'The text dump of `openssl x509 -text` saved in front of the PEM block.',
    ],
    actions: [
      'Pass the single certificate generated with the integration key (a 2048-bit RSA certificate is about 1.2 KB).',
    ],
  },
  ERR_SETUP_CANCELLED: {
    category: 'usage',
    summary: 'The setup questions were cancelled before every answer was given; nothing was written.',
    causes: ['Ctrl+C or Ctrl+D at a prompt.'],
    actions: ['Run `sfjwt setup` again, or pass every setting as an option with --yes to skip the questions.'],
  },

  // Migration advisor (`sfjwt scan`). Path errors are usage errors, so scan exits 2 for them.
  ERR_SCAN_PATH_NOT_FOUND: {
    category: 'usage',
    summary: 'A path given to `sfjwt scan` does not exist.',
    causes: ['A typo in the path.', 'The command runs in another folder than expected.'],
    actions: ['Check the path, or run `sfjwt scan` without a path to scan the current folder.'],
  },
  ERR_SCAN_PATH_UNREADABLE: {
    category: 'usage',
    summary: 'A path given to `sfjwt scan` exists but cannot be read.',
    causes: ['The file or folder is not readable by this user.'],
    actions: ['Check the permissions of the path, or scan another path.'],
  },
} as const satisfies Record<string, CatalogueEntry>;

/** Every code sfjwt raises. */
export type ErrorCode = keyof typeof entries;

/** The catalogue, keyed by code. */
export const CATALOGUE: Readonly<Record<ErrorCode, CatalogueEntry & { exitCode: number }>> =
  Object.fromEntries(
    Object.entries(entries).map(([code, entry]) => [
      code,
      { ...entry, exitCode: EXIT_CODES[entry.category] },
    ]),
  ) as unknown as Record<ErrorCode, CatalogueEntry & { exitCode: number }>;
