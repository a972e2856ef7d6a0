import type { PluginEnvironment } from "@polyplug/host";
import type { App } from "../app/app.js";
import type { PluginConfigSource } from "./plugin-config.js";

/** What the Plugin API backend's handlers are built from. */
export interface PluginAPIBackendDeps {
  readonly app: App;
  readonly plugins: () => PluginEnvironment;
  readonly config: PluginConfigSource;
}
