import type { ChannelOptions } from "@grpc/grpc-js";

/** Largest message either side accepts. Bulk data is streamed in 64 KiB chunks, so anything
 * near this limit is a bug; 64 MiB leaves room for big JSON (configs, post lists) without
 * letting one message exhaust memory. The Python SDK uses the same numbers. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Size of each body chunk in every bulk stream (ServeHTTP, files). */
export const STREAM_CHUNK_BYTES = 64 * 1024;

/** Options for every channel and server of the contract, host and plugin side alike. */
export const CHANNEL_OPTIONS: ChannelOptions = {
  "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
  "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  // Keepalive pings to plugins must stay >= 5 min: grpcio and grpc-go servers answer more
  // frequent pings with GOAWAY too_many_pings. Liveness is the health job's concern instead.
  "grpc.keepalive_time_ms": 300_000,
  "grpc.keepalive_timeout_ms": 20_000,
  // grpc-js's default HTTP/2 receive window is 64 KiB — one stream chunk — so every chunk of a
  // download would wait a round trip for its WINDOW_UPDATE. 1 MiB keeps 16 chunks in flight
  // (bench: ServeHTTP download 269 -> 486 MB/s; see bench/results/findings.md §4).
  "grpc-node.flow_control_window": 1024 * 1024,
};
