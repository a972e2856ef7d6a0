import * as grpc from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, PluginHooks, createTypedClient, goplugin, health, type UnaryClient } from "@polyplug/protocol";
import { handshakeCertToPem, type HostCertificate } from "./auto-mtls.js";
import type { Handshake } from "./handshake.js";
import { AUTH_METADATA_KEY } from "./plugin-secret.js";

/** The host's gRPC connection to one plugin: its hooks, its health service, its controller. */
export interface PluginConnection {
  readonly hooks: UnaryClient<typeof PluginHooks>;
  readonly health: UnaryClient<typeof health.Health>;
  /** go-plugin's controller; optional on the plugin side (calls may fail UNIMPLEMENTED). */
  readonly controller: UnaryClient<typeof goplugin.GRPCController>;
  /** The raw hooks client and its definitions, for the ServeHTTP stream. */
  readonly rawHooks: grpc.Client;
  readonly hooksDefinition: grpc.ServiceDefinition;
  readonly metadata: () => grpc.Metadata;
  /** True when the connection uses mutual TLS. */
  readonly tls: boolean;
  close(): void;
}

/**
 * Connects to the address a plugin announced in its handshake, presenting the plugin's secret.
 * A plugin that answered the host's AutoMTLS offer with its own certificate (go-plugin binaries
 * do) is reached over mutual TLS, each side pinning the other's certificate; one that did not
 * (our SDKs, which authenticate the host by the secret) over plaintext on its private socket.
 */
export function connectToPlugin(handshake: Handshake, secret: string, hostCertificate?: HostCertificate): PluginConnection {
  const address = handshake.network === "unix" ? `unix://${handshake.address}` : handshake.address;
  let credentials = grpc.credentials.createInsecure();
  let tlsOptions: grpc.ChannelOptions = {};
  if (handshake.serverCert !== "") {
    if (!hostCertificate) throw new Error("the plugin announced an AutoMTLS certificate, but this host did not offer AutoMTLS");
    credentials = grpc.credentials.createSsl(Buffer.from(handshakeCertToPem(handshake.serverCert)), Buffer.from(hostCertificate.keyPem), Buffer.from(hostCertificate.certPem));
    tlsOptions = { "grpc.ssl_target_name_override": "localhost", "grpc.default_authority": "localhost" };
  }
  const metadata = (): grpc.Metadata => {
    const m = new grpc.Metadata();
    m.set(AUTH_METADATA_KEY, `Bearer ${secret}`);
    return m;
  };
  const hooks = createTypedClient(PluginHooks, address, credentials, { ...CHANNEL_OPTIONS, ...tlsOptions }, metadata);
  // Share one channel: the health client rides on the hooks client's channel.
  const shared = { ...CHANNEL_OPTIONS, channelOverride: hooks.raw.getChannel() };
  const healthClient = createTypedClient(health.Health, address, credentials, shared, metadata);
  const controller = createTypedClient(goplugin.GRPCController, address, credentials, shared, metadata);
  return {
    hooks: hooks.client,
    health: healthClient.client,
    controller: controller.client,
    rawHooks: hooks.raw,
    hooksDefinition: hooks.definition,
    metadata,
    tls: handshake.serverCert !== "",
    close: () => hooks.raw.close(),
  };
}
