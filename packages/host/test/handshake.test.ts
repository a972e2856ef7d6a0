import assert from "node:assert/strict";
import { test } from "node:test";
import { HostErrorCode, parseHandshake } from "../src/index.js";

test("parses the lines real plugins print", () => {
  assert.deepEqual(parseHandshake("1|1|unix|/tmp/pp-abc/plugin.sock|grpc|\n"), {
    coreVersion: 1, appVersion: 1, network: "unix", address: "/tmp/pp-abc/plugin.sock", protocol: "grpc", serverCert: "",
  });
  assert.equal(parseHandshake("1|1|tcp|127.0.0.1:1234|grpc").address, "127.0.0.1:1234");
  assert.equal(parseHandshake("  1|1|tcp|[::1]:1234|grpc|  ").network, "tcp");
  assert.equal(parseHandshake("1|1|unix|/tmp/x|grpc|MIICUDCC|true").serverCert, "MIICUDCC");
});

const rejected: Array<[string, string, RegExp]> = [
  ["stray output", "Loading model weights...", /expected CORE\|APP\|NETWORK\|ADDRESS\|PROTOCOL/],
  ["too few fields", "1|1|unix", /expected CORE/],
  ["wrong core version", "2|1|unix|/tmp/x|grpc|", /core protocol version "2"/],
  ["non-numeric core", "one|1|unix|/tmp/x|grpc|", /core protocol version/],
  ["wrong app version", "1|7|unix|/tmp/x|grpc|", /app protocol version "7"/],
  ["netrpc", "1|1|unix|/tmp/x|netrpc|", /protocol "netrpc" is not "grpc"/],
  ["missing protocol defaults to netrpc", "1|1|unix|/tmp/x", /protocol "netrpc"/],
  ["unknown network", "1|1|udp|/tmp/x|grpc|", /network "udp"/],
  ["public tcp address", "1|1|tcp|0.0.0.0:1234|grpc|", /not on loopback/],
  ["remote tcp address", "1|1|tcp|10.0.0.5:1234|grpc|", /not on loopback/],
  ["bad port", "1|1|tcp|127.0.0.1:99999|grpc|", /out of range/],
  ["relative socket", "1|1|unix|plugin.sock|grpc|", /not absolute/],
  ["empty address", "1|1|unix||grpc|", /address is empty/],
  ["spaces inside fields are not trimmed", "1 | 1 | unix | /tmp/x | grpc", /core protocol version/],
  ["too many fields", "1|1|unix|/tmp/x|grpc||true|x", /at most 7 fields/],
];

for (const [name, line, message] of rejected) {
  test(`rejects ${name}`, () => {
    assert.throws(() => parseHandshake(line), (error: { code: string; message: string }) => {
      assert.equal(error.code, HostErrorCode.HandshakeInvalid);
      assert.match(error.message, message);
      return true;
    });
  });
}

test("fuzz: arbitrary lines either parse to a loopback/unix grpc handshake or throw HandshakeInvalid", () => {
  const alphabet = ["1", "2", "|", "unix", "tcp", "grpc", "netrpc", "/tmp/s", "127.0.0.1:80", "10.1.1.1:80", " ", ":", "x", ""];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 5000; i++) {
    const line = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    try {
      const handshake = parseHandshake(line);
      assert.equal(handshake.protocol, "grpc");
      assert.equal(handshake.coreVersion, 1);
      assert.ok(handshake.network === "unix" ? handshake.address.startsWith("/") : handshake.address.startsWith("127."));
    } catch (error) {
      assert.equal((error as { code?: string }).code, HostErrorCode.HandshakeInvalid, `unexpected error for ${JSON.stringify(line)}: ${error}`);
    }
  }
});
