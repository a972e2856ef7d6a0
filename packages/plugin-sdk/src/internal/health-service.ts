import * as grpc from "@grpc/grpc-js";
import { create } from "@bufbuild/protobuf";
import { health } from "@polyplug/protocol";

const { HealthCheckResponseSchema, HealthCheckResponse_ServingStatus: Status } = health;

/**
 * grpc.health.v1.Health, as go-plugin hosts probe it: "plugin" and "" are SERVING while the
 * plugin runs and NOT_SERVING once it is stopping; other names are NOT_FOUND. Watch sends the
 * status now and again on each change.
 */
export class HealthService {
  #serving = true;
  readonly #watchers = new Set<grpc.ServerWritableStream<unknown, unknown>>();

  /** Marks the plugin as stopping; watchers are told. */
  stopping(): void {
    this.#serving = false;
    for (const watcher of this.#watchers) watcher.write(this.#response());
  }

  implementation(): grpc.UntypedServiceImplementation {
    return {
      check: ((call: grpc.ServerUnaryCall<health.HealthCheckRequest, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        if (!known(call.request.service)) return callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${call.request.service}` });
        callback(null, this.#response());
      }) as grpc.UntypedHandleCall,
      watch: ((call: grpc.ServerWritableStream<health.HealthCheckRequest, unknown>) => {
        call.write(known(call.request.service) ? this.#response() : create(HealthCheckResponseSchema, { status: Status.SERVICE_UNKNOWN }));
        this.#watchers.add(call);
        call.on("cancelled", () => this.#watchers.delete(call));
      }) as grpc.UntypedHandleCall,
    };
  }

  /** Ends the Watch streams (before the server shuts down, which would wait for them). */
  close(): void {
    for (const watcher of this.#watchers) watcher.end();
    this.#watchers.clear();
  }

  #response() {
    return create(HealthCheckResponseSchema, { status: this.#serving ? Status.SERVING : Status.NOT_SERVING });
  }
}

function known(service: string): boolean {
  return service === "plugin" || service === "";
}
