import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isReservedAddress, TrustedInternalConnections } from "../src/app/outgoing-address-guard.js";

// Which addresses a custom slash command's URL may reach (the end-to-end checks are in
// plugin-api-bots-commands.test.ts): Mattermost's reserved ranges, and the admin's allow list.

describe("the outgoing address guard", () => {
  test("loopback, private, link-local, CGNAT, multicast, unspecified and reserved addresses are internal", () => {
    for (const address of [
      "127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
      "224.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
    ]) assert.equal(isReservedAddress(address), true, address);
    for (const address of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) assert.equal(isReservedAddress(address), false, address);
    assert.equal(isReservedAddress("not an ip"), true, "anything unparsable is refused");
  });

  test("AllowedUntrustedInternalConnections lists hosts, addresses and CIDRs, split by spaces or commas", () => {
    const trusted = new TrustedInternalConnections(" Hooks.Internal, 10.0.0.0/8  192.168.1.5,fd00::/8 ");
    assert.equal(trusted.allows("hooks.internal", "127.0.0.1"), true, "a listed host may resolve anywhere");
    assert.equal(trusted.allows("other.internal", "10.20.30.40"), true, "inside a listed CIDR");
    assert.equal(trusted.allows("other.internal", "192.168.1.5"), true, "a listed address");
    assert.equal(trusted.allows("other.internal", "192.168.1.6"), false);
    assert.equal(trusted.allows("other.internal", "fd00::5"), true);
    assert.equal(trusted.allows("other.internal", "127.0.0.1"), false);
    assert.equal(trusted.allows("public.example", "8.8.8.8"), true, "public addresses need no listing");
    assert.equal(new TrustedInternalConnections("").allows("localhost", "::1"), false);
  });
});
