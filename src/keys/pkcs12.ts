import type forgeModule from 'node-forge';

import { keyEncrypted, keyMalformed, passphraseWrong, withCause } from './key-errors.js';

type Forge = typeof forgeModule;

/** Contents of a PKCS#12 keystore, as DER: PKCS#8 private keys and X.509 certificates. */
export interface KeystoreContents {
  privateKeys: Buffer[];
  certificates: Buffer[];
}

/**
 * Opens a PKCS#12 keystore with node-forge, which also reads the RC2 and
 * 3DES keystores that OpenSSL 3 rejects without its legacy provider. Without
 * a passphrase the empty password is tried, as keystores exported with
 * `-passout pass:` use it.
 */
export async function readPkcs12(bytes: Buffer, passphrase: string | undefined, label: string): Promise<KeystoreContents> {
  const forge = (await import('node-forge')).default;
  let asn1: forgeModule.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
  } catch (error) {
    throw withCause(keyMalformed(label, 'its PKCS#12 structure does not parse'), error);
  }
  let keystore: forgeModule.pkcs12.Pkcs12Pfx;
  try {
    keystore = forge.pkcs12.pkcs12FromAsn1(asn1, true, passphrase ?? '');
  } catch (error) {
    throw withCause(classifyOpenError(error, passphrase, label), error);
  }
  return extractContents(forge, keystore, label);
}

/** Maps forge's failure to a code. forge reports a failed MAC check, the sign of a wrong password, as "Invalid password?". */
function classifyOpenError(error: unknown, passphrase: string | undefined, label: string): Error {
  const message = error instanceof Error ? error.message : '';
  const wrongPassword = /password/i.test(message);
  if (wrongPassword && passphrase === undefined) {
    return keyEncrypted(label, true);
  }
  if (passphrase !== undefined) {
    return passphraseWrong(label, true);
  }
  return keyMalformed(label, 'its PKCS#12 content does not parse');
}

function extractContents(forge: Forge, keystore: forgeModule.pkcs12.Pkcs12Pfx, label: string): KeystoreContents {
  const { oids } = forge.pki;
  const contents: KeystoreContents = { privateKeys: [], certificates: [] };
  try {
    for (const bagType of [oids.pkcs8ShroudedKeyBag, oids.keyBag]) {
      for (const bag of keystore.getBags({ bagType: bagType as string })[bagType as string] ?? []) {
        // forge decodes RSA keys itself and leaves other key types as ASN.1 PrivateKeyInfo.
        const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
        contents.privateKeys.push(toBuffer(forge, info));
      }
    }
    for (const bag of keystore.getBags({ bagType: oids.certBag as string })[oids.certBag as string] ?? []) {
      const certificate = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
      contents.certificates.push(toBuffer(forge, certificate));
    }
  } catch (error) {
    throw withCause(keyMalformed(label, 'a bag inside its PKCS#12 keystore does not parse'), error);
  }
  return contents;
}

function toBuffer(forge: Forge, asn1: forgeModule.asn1.Asn1 | undefined): Buffer {
  if (asn1 === undefined) {
    throw new Error('PKCS#12 bag without content');
  }
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
