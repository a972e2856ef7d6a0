import type * as grpc from "@grpc/grpc-js";
import { create } from "@bufbuild/protobuf";
import { goplugin } from "@polyplug/protocol";

/**
 * go-plugin's plugin.GRPCController: the host's polite "please exit". Shutdown answers at once and
 * asks the runtime to stop; the runtime then stops in order (OnDeactivate if still due, in-flight
 * calls finish) and the process exits 0.
 */
export function controllerImplementation(requestStop: (reason: string) => void): grpc.UntypedServiceImplementation {
  return {
    shutdown: ((_call: unknown, callback: grpc.sendUnaryData<unknown>) => {
      callback(null, create(goplugin.EmptySchema));
      requestStop("GRPCController.Shutdown");
    }) as grpc.UntypedHandleCall,
  };
}
