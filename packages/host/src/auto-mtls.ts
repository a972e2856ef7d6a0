import "reflect-metadata"; // @peculiar/x509 needs it loaded first
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** The host's side of go-plugin AutoMTLS: a throwaway self-signed certificate and its key. */
export interface HostCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

/**
 * Mints the certificate the host offers in PLUGIN_CLIENT_CERT, shaped as go-plugin expects of
 * one: self-signed CA, CN/SAN "localhost", usable for both client and server auth. A go-plugin
 * binary then answers with its own certificate in the handshake, and both sides pin each other.
 */
export async function createHostCertificate(): Promise<HostCertificate> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString("hex").replace(/^[89a-f]/, "1"),
    name: "CN=localhost, O=Polyplug",
    notBefore: new Date(now - 30_000),
    notAfter: new Date(now + 365 * 24 * 3600 * 1000),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.keyAgreement | x509.KeyUsageFlags.keyCertSign,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: "dns", value: "localhost" }]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  return { certPem: cert.toString("pem"), keyPem: toPem("PRIVATE KEY", pkcs8) };
}

/** The handshake's 6th field (unpadded base64 DER) as a PEM certificate. */
export function handshakeCertToPem(base64Der: string): string {
  return toPem("CERTIFICATE", Buffer.from(base64Der, "base64"));
}

function toPem(label: string, der: Buffer): string {
  const body = der.toString("base64").match(/.{1,64}/g)!.join("\n");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
