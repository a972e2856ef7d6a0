/**
 * The grpc-js echo server as its own process (the floor of hook dispatch to a Node plugin, which
 * is its own process too). Prints `READY unix:///path` and serves until SIGTERM.
 * Usage: node --import tsx bench/floors/grpc-js-echo-server.ts <socket-path>
 */
import { startGrpcJsEchoServer } from "../lib/echo-service.js";

const socketPath = process.argv[2];
if (!socketPath) {
  process.stderr.write("usage: grpc-js-echo-server.ts <socket-path>\n");
  process.exit(2);
}
const server = await startGrpcJsEchoServer(socketPath);
process.stdout.write(`READY ${server.address}\n`);
process.once("SIGTERM", () => void server.stop().then(() => process.exit(0)));
