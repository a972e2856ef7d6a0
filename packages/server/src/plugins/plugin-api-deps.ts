import type { PluginEnvironment } from "@polyplug/host";
import type { App } from "../app/app.js";
import type { PluginConfigSource } from "./plugin-config.js";
import type { AuditLog } from "../app/audit-log.js";
import type { PluginManager } from "./plugin-manager.js";
import type { ServerConfigFile } from "./server-config-file.js";
import type { ServerConfigService } from "./server-config-service.js";

/** What the Plugin API backend's handlers are built from. */
export interface PluginAPIBackendDeps {
  readonly app: App;
  readonly plugins: () => PluginEnvironment;
  readonly config: PluginConfigSource;
  /** What the system group (config, plugin management, mail, push, audit) needs; without it those answer 501. */
  readonly system?: SystemApiDeps;
}

/** The server-level pieces behind the system group's handlers. */
export interface SystemApiDeps {
  readonly dataDir: string;
  readonly configFile: ServerConfigFile;
  readonly serverConfig: ServerConfigService;
  /** Created after the plugin environment, hence read on use. */
  readonly manager: () => PluginManager;
  readonly audit: AuditLog;
}
