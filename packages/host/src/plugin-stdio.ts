import * as grpc from "@grpc/grpc-js";
import { create } from "@bufbuild/protobuf";
import { EmptySchema } from "@bufbuild/protobuf/wkt";
import { gopluginStdio, toGrpcServiceDefinition } from "@polyplug/protocol";
import type { PluginLog } from "./plugin-log.js";

/**
 * Reads go-plugin's GRPCStdio stream: Go plugins redirect their stdout/stderr into it after the
 * handshake, and stall once it is not drained. Plugins without the service (our SDKs) answer
 * UNIMPLEMENTED, which is fine: their output arrives on the process's pipes instead.
 * Returns a function that stops reading.
 */
export function readPluginStdio(client: grpc.Client, metadata: grpc.Metadata, log: PluginLog): () => void {
  const method = toGrpcServiceDefinition(gopluginStdio.GRPCStdio)["streamStdio"]!;
  const call = client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, create(EmptySchema), metadata);
  const pending = { stdout: "", stderr: "" };
  call.on("data", (data: gopluginStdio.StdioData) => {
    const channel = data.channel === gopluginStdio.StdioData_Channel.STDOUT ? "stdout" : "stderr";
    const lines = (pending[channel] + Buffer.from(data.data).toString("utf8")).split("\n");
    pending[channel] = lines.pop() ?? "";
    for (const line of lines) log.appendLine(channel, line);
  });
  call.on("error", (error: grpc.ServiceError) => {
    if (error.code !== grpc.status.CANCELLED && error.code !== grpc.status.UNIMPLEMENTED && error.code !== grpc.status.UNAVAILABLE) {
      log.append({ time: new Date().toISOString(), level: "debug", source: "host", message: `GRPCStdio stream ended: ${error.details}` });
    }
  });
  return () => call.cancel();
}
