/**
 * The Node bench plugin on the TypeScript SDK (@polyplug/plugin): MessageWillBePosted returns the
 * post unchanged, as every bench plugin does, so the figure measures the SDK's dispatch (model
 * conversion, result rules, secret check) against bench_node's bare grpc-js. It must run in place
 * (bench/plugins/bench_node_sdk) so that `@polyplug/plugin` resolves from the repo's node_modules.
 */
import { definePlugin, isMainModule, runPlugin } from "@polyplug/plugin";

export const benchPlugin = definePlugin({
  messageWillBePosted(_context, { post }) {
    return post;
  },
});

if (isMainModule(import.meta.url)) runPlugin(benchPlugin);
