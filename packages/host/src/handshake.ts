import { isIP } from "node:net";
import { HostError, HostErrorCode } from "./host-error.js";

/** go-plugin's core protocol version; anything else means an incompatible plugin framework. */
export const CORE_PROTOCOL_VERSION = 1;
/** The Polyplug app protocol version the host offers in PLUGIN_PROTOCOL_VERSIONS. */
export const APP_PROTOCOL_VERSION = 1;

/** A parsed go-plugin handshake line. */
export interface Handshake {
  readonly coreVersion: number;
  readonly appVersion: number;
  readonly network: "unix" | "tcp";
  readonly address: string;
  readonly protocol: "grpc";
  /** go-plugin AutoMTLS: the plugin's DER certificate, base64 (empty without AutoMTLS). */
  readonly serverCert: string;
}

/**
 * Parses the handshake line `CORE|APP|NETWORK|ADDR|PROTOCOL[|CERT[|MUX]]` a plugin prints first
 * on stdout. Like go-plugin, the whole line is trimmed but fields are not. Every rejection says
 * which field is wrong and shows the line, because the usual cause is stray output on stdout.
 */
export function parseHandshake(rawLine: string, acceptedAppVersions: readonly number[] = [APP_PROTOCOL_VERSION]): Handshake {
  const line = rawLine.trim();
  const fail: (why: string) => never = (why) => {
    throw new HostError(HostErrorCode.HandshakeInvalid, `invalid handshake line ${JSON.stringify(truncate(line))}: ${why}`);
  };
  const parts = line.split("|");
  if (parts.length < 4) {
    fail("expected CORE|APP|NETWORK|ADDRESS|PROTOCOL; the plugin must print this line before anything else on stdout (log to stderr)");
  }
  if (parts.length > 7) fail(`expected at most 7 fields, got ${parts.length}`);
  const [core, app, network, address, protocol = "netrpc", serverCert = ""] = parts as [string, string, string, string, string?, string?];

  const coreVersion = parseVersion(core);
  if (coreVersion !== CORE_PROTOCOL_VERSION) {
    fail(`core protocol version ${JSON.stringify(core)} is not ${CORE_PROTOCOL_VERSION}; the plugin was built for another plugin framework version`);
  }
  const appVersion = parseVersion(app);
  if (appVersion === undefined || !acceptedAppVersions.includes(appVersion)) {
    fail(`app protocol version ${JSON.stringify(app)} is not one of ${acceptedAppVersions.join(",")}; update the plugin's SDK`);
  }
  if (network !== "unix" && network !== "tcp") fail(`network ${JSON.stringify(network)} is not "unix" or "tcp"`);
  if (address === "") fail("address is empty");
  if (network === "tcp") checkLoopback(address, fail);
  if (network === "unix" && !address.startsWith("/")) fail(`unix socket path ${JSON.stringify(address)} is not absolute`);
  if (protocol !== "grpc") fail(`protocol ${JSON.stringify(protocol)} is not "grpc" (Polyplug hosts gRPC plugins only)`);
  return { coreVersion, appVersion: appVersion!, network, address, protocol, serverCert };
}

function parseVersion(field: string): number | undefined {
  return /^[0-9]{1,9}$/.test(field) ? Number(field) : undefined;
}

function checkLoopback(address: string, fail: (why: string) => never): void {
  const match = /^(.*):([0-9]{1,5})$/.exec(address);
  if (!match) fail(`tcp address ${JSON.stringify(address)} is not HOST:PORT`);
  const host = match![1]!.replace(/^\[(.*)\]$/, "$1");
  const port = Number(match![2]);
  if (port < 1 || port > 65535) fail(`tcp port ${port} is out of range`);
  const loopback = host === "localhost" || (isIP(host) === 4 && host.startsWith("127.")) || host === "::1";
  if (!loopback) fail(`tcp address ${JSON.stringify(address)} is not on loopback; plugins must listen on 127.0.0.1 or a unix socket`);
}

function truncate(line: string): string {
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
