/**
 * Which addresses an outgoing integration request (a custom slash command's URL) may reach, as
 * Mattermost's httpservice decides: nothing on the server's own network — loopback, private
 * (RFC 1918, fc00::/7), link-local, CGNAT, multicast, unspecified and other reserved ranges —
 * unless the admin lists the host or the address in `ServiceSettings.AllowedUntrustedInternalConnections`
 * (hostnames, IPs and CIDRs separated by spaces or commas).
 *
 * The check runs in the socket's DNS lookup ({@link guardedLookup}), so the address checked is the
 * address connected to: a name that resolves to a public address at validation time and to
 * 127.0.0.1 at connect time (DNS rebinding) is still refused.
 */
import dns from "node:dns";
import net from "node:net";

/** Thrown (through the lookup callback) when a request would reach a forbidden address. */
export class ForbiddenAddressError extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`address ${address} of ${host} is on an internal network; list it in ServiceSettings.AllowedUntrustedInternalConnections to allow it`);
    this.name = "ForbiddenAddressError";
  }
}

/** Ranges no integration may reach without the admin's say-so (Mattermost's reservedIPRanges). */
const RESERVED = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) RESERVED.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96], ["2001:db8::", 32]] as const) {
  RESERVED.addSubnet(prefix, bits, "ipv6");
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:a.b.c.d), else the address itself. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1]! : address;
}

export function isReservedAddress(address: string): boolean {
  const plain = unmapped(address);
  const family = net.isIPv4(plain) ? "ipv4" : net.isIPv6(plain) ? "ipv6" : null;
  return family === null || RESERVED.check(plain, family);
}

/** The admin's allow list: host names, and addresses / CIDRs. */
export class TrustedInternalConnections {
  readonly #hosts = new Set<string>();
  readonly #addresses = new net.BlockList();

  constructor(setting: string) {
    for (const entry of setting.replaceAll(",", " ").split(/\s+/).filter(Boolean)) {
      const [address, bits] = entry.split("/");
      const family = net.isIPv4(address!) ? "ipv4" : net.isIPv6(address!) ? "ipv6" : null;
      if (family && bits === undefined) this.#addresses.addAddress(address!, family);
      else if (family && /^\d+$/.test(bits!)) this.#addresses.addSubnet(address!, Number(bits), family);
      else this.#hosts.add(entry.toLowerCase());
    }
  }

  allowsHost(host: string): boolean {
    return this.#hosts.has(host.toLowerCase());
  }

  /** Whether a request may connect to `address` (resolved from `host`). */
  allows(host: string, address: string): boolean {
    if (this.allowsHost(host)) return true;
    const plain = unmapped(address);
    if (!isReservedAddress(plain)) return true;
    return this.#addresses.check(plain, net.isIPv4(plain) ? "ipv4" : "ipv6");
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request / net.connect that resolves `host` and refuses (with a
 * {@link ForbiddenAddressError}) unless every address it resolves to is allowed.
 */
export function guardedLookup(trusted: TrustedInternalConnections) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "");
      const forbidden = addresses.find((a) => !trusted.allows(hostname, a.address));
      if (forbidden) return callback(new ForbiddenAddressError(hostname, forbidden.address) as NodeJS.ErrnoException, "");
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: "ENOTFOUND" }), "");
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Checks a host given as an IP literal (the socket does no lookup for those). */
export function checkLiteralHost(trusted: TrustedInternalConnections, host: string): void {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (net.isIP(bare) !== 0 && !trusted.allows(bare, bare)) throw new ForbiddenAddressError(bare, bare);
}
