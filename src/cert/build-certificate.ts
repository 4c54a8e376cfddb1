import { type KeyObject, randomBytes, sign } from 'node:crypto';

import type forgeModule from 'node-forge';

import type { CertificateSubject } from './generate-options.js';

type Forge = typeof forgeModule;

export interface CertificateRequest {
  privateKey: KeyObject;
  publicKeyPem: string;
  subject: CertificateSubject;
  notBefore: Date;
  notAfter: Date;
}

/**
 * Builds a self-signed X.509 v3 certificate with node-forge and signs it
 * with sha256WithRSAEncryption. forge signs with SHA-1 unless given a
 * digest, and its JavaScript RSA takes tens of milliseconds per signature,
 * so the signer handed to forge computes the signature with Node's crypto
 * over the TBSCertificate forge has just encoded.
 * Returns the PEM text and the serial number in hex.
 */
export function buildSelfSignedCertificate(forge: Forge, request: CertificateRequest): { pem: string; serialNumber: string } {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(request.publicKeyPem);
  certificate.serialNumber = randomSerialNumber();
  certificate.validity.notBefore = request.notBefore;
  certificate.validity.notAfter = request.notAfter;
  const attributes = subjectAttributes(request.subject);
  certificate.setSubject(attributes);
  certificate.setIssuer(attributes);
  certificate.setExtensions([
    { name: 'basicConstraints', critical: true, cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const signer = {
    sign: (): string => {
      const tbs = forge.asn1.toDer(certificate.tbsCertificate).getBytes();
      return sign('sha256', Buffer.from(tbs, 'binary'), request.privateKey).toString('binary');
    },
  };
  // forge's cert.sign sets tbsCertificate, then calls signer.sign(digest); only sign() is used.
  certificate.sign(signer as unknown as forgeModule.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(certificate), serialNumber: certificate.serialNumber };
}

/** 16 random bytes with the top bit clear, so the DER INTEGER is positive and needs no padding byte. */
function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) || 0x01;
  return bytes.toString('hex');
}

function subjectAttributes(subject: CertificateSubject): forgeModule.pki.CertificateField[] {
  const attributes: forgeModule.pki.CertificateField[] = [{ shortName: 'CN', value: subject.commonName }];
  if (subject.organization !== undefined) {
    attributes.push({ shortName: 'O', value: subject.organization });
  }
  if (subject.organizationalUnit !== undefined) {
    attributes.push({ shortName: 'OU', value: subject.organizationalUnit });
  }
  if (subject.country !== undefined) {
    attributes.push({ shortName: 'C', value: subject.country });
  }
  return attributes;
}
