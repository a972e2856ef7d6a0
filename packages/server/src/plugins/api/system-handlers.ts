import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { JsonObject } from "@bufbuild/protobuf";
import type { PluginAPIHandlers } from "@polyplug/host";
import { appError, notSupported } from "../../app/app-error.js";
import { DEFAULT_AUDIT_LEVEL } from "../../app/audit-log.js";
import { spoolMail } from "../../app/mail-spool.js";
import { newWebSocketEvent } from "../../app/models/websocket-event.js";
import { isValidId } from "../../app/new-id.js";
import { handOffPush } from "../../app/push-outbox.js";
import type { PluginAPIBackendDeps, SystemApiDeps } from "../plugin-api-deps.js";

/** Mattermost's WebSocket events for dialogs and toasts. */
const OPEN_DIALOG = "open_dialog";
const SHOW_TOAST = "show_toast";

type Json = Record<string, unknown>;

/** The Plugin API's configuration, plugin management, server info, mail/push, audit, cluster events, acting as plugin `pluginId`. */
export function createSystemHandlers(deps: PluginAPIBackendDeps, pluginId: string): PluginAPIHandlers {
  const { app } = deps;
  const system = (method: string): SystemApiDeps => {
    if (!deps.system) throw notSupported(method, "this server was built without its config file and plugin manager");
    return deps.system;
  };
  const installed = (id: string, where: string) => {
    const plugin = deps.plugins().get(id.toLowerCase());
    if (!plugin) throw appError("app.plugin.not_installed.app_error", { where, detailedError: `plugin_id=${id}` });
    return plugin;
  };
  /**
   * Disabling or removing the calling plugin stops the very process waiting for this answer: done
   * inline, the stop would wait on the call and the call on the stop. So, as Mattermost lets a
   * plugin do it, the call answers first and the plugin is stopped right after.
   */
  const manage = async (id: string, where: string, run: (id: string) => Promise<void>) => {
    installed(id, where);
    if (id.toLowerCase() !== pluginId) return run(id);
    setImmediate(() => {
      run(id).catch((error: unknown) => {
        deps.plugins().get(pluginId)?.log.append({ time: new Date().toISOString(), level: "error", source: "host", message: `${where} of itself failed: ${(error as Error).message}` });
      });
    });
  };

  return {
    loadPluginConfiguration: async () => ({ config: deps.config.configFor(pluginId) }),
    getConfig: async () => ({ config: system("GetConfig").serverConfig.sanitized() as JsonObject }),
    getUnsanitizedConfig: async () => ({ config: system("GetUnsanitizedConfig").serverConfig.unsanitized() as JsonObject }),
    saveConfig: async ({ config }) => {
      await system("SaveConfig").serverConfig.save((config ?? {}) as Json, "SaveConfig", pluginId);
      return {};
    },
    savePluginConfig: async ({ config }) => {
      await system("SavePluginConfig").serverConfig.savePluginConfig(pluginId, (config ?? {}) as Json, "SavePluginConfig");
      return {};
    },
    getBundlePath: async () => ({ path: path.resolve(installed(pluginId, "GetBundlePath").status().plugin_path) }),
    getLicense: async () => ({}),
    isEnterpriseReady: async () => ({ enterpriseReady: false }),
    getSystemInstallDate: async () => ({ installDate: BigInt(await app.system.installDate()) }),
    getDiagnosticId: async () => ({ diagnosticId: await app.system.telemetryId() }),
    getTelemetryId: async () => ({ telemetryId: await app.system.telemetryId() }),
    getPluginID: async () => ({ pluginId }),

    getPlugins: async () => {
      const { active, inactive } = system("GetPlugins").manager().list();
      return { manifests: [...active, ...inactive].map((m) => m as unknown as JsonObject) };
    },
    enablePlugin: async ({ id }) => {
      const { manager } = system("EnablePlugin");
      await manage(id, "EnablePlugin", (target) => manager().enable(target));
      return {};
    },
    disablePlugin: async ({ id }) => {
      const { manager } = system("DisablePlugin");
      await manage(id, "DisablePlugin", (target) => manager().disable(target));
      return {};
    },
    removePlugin: async ({ id }) => {
      const { manager } = system("RemovePlugin");
      await manage(id, "RemovePlugin", (target) => manager().remove(target));
      return {};
    },
    getPluginStatus: async ({ id }) => {
      const s = installed(id, "GetPluginStatus").status();
      return { status: { pluginId: s.plugin_id, clusterId: "", pluginPath: s.plugin_path, state: s.state, error: s.error, name: s.name, description: s.description, version: s.version } };
    },
    // Mattermost's InstallPlugin: needs PluginSettings.Enable and EnableUploads (else 501), as an upload.
    installPlugin: async ({ file, replace }) => {
      const { configFile, manager } = system("InstallPlugin");
      const settings = configFile.read()["PluginSettings"] as Json | undefined;
      if (settings?.["Enable"] === false || !configFile.uploadsEnabled()) throw appError("app.plugin.upload_disabled.app_error", { where: "installPlugin" });
      const archive = path.join(system("InstallPlugin").dataDir, `.plugin-upload-${randomBytes(8).toString("hex")}.tar.gz`);
      await writeFile(archive, file, { mode: 0o600 });
      let deferred = false;
      try {
        // Replacing the calling plugin stops the process waiting for this answer (as manage() for
        // Disable/Remove): the call answers with the new manifest first and installs right after.
        if (replace && deps.plugins().get(pluginId)) {
          const manifest = await manager().manifestOf(archive);
          if (manifest.id.toLowerCase() === pluginId) {
            deferred = true;
            setImmediate(() => {
              manager().install(archive, { force: true })
                .catch((error: unknown) => {
                  deps.plugins().get(pluginId)?.log.append({ time: new Date().toISOString(), level: "error", source: "host", message: `InstallPlugin of itself failed: ${(error as Error).message}` });
                })
                .finally(() => void rm(archive, { force: true }));
            });
            return { manifest: manifest as unknown as JsonObject };
          }
        }
        return { manifest: (await manager().install(archive, { force: replace })) as unknown as JsonObject };
      } finally {
        if (!deferred) await rm(archive, { force: true });
      }
    },

    // One node: no other instance of this plugin exists to receive it (Mattermost with no cluster
    // returns nil the same way). See docs/system-api.md.
    publishPluginClusterEvent: async () => ({}),
    // Mattermost: "RegisterCollectionAndTopic is no longer supported" and returns nil.
    registerCollectionAndTopic: async () => ({}),

    sendMail: async ({ to, subject, htmlBody }) => {
      const { configFile, dataDir } = system("SendMail");
      const email = (configFile.read()["EmailSettings"] ?? {}) as Json;
      const address = typeof email["FeedbackEmail"] === "string" && email["FeedbackEmail"] !== "" ? email["FeedbackEmail"] : "noreply@localhost";
      const name = typeof email["FeedbackName"] === "string" && email["FeedbackName"] !== "" ? email["FeedbackName"] : "Mattermost";
      // Both go into the From: header: a CR/LF would let the config inject headers.
      await spoolMail(path.join(dataDir, "mail"), { from: `${name.replace(/[\r\n"<>]/g, "")} <${address.replace(/[\r\n<>]/g, "")}>`, to, subject, html: htmlBody }, Date.now());
      return {};
    },
    sendPushNotification: async ({ notification, userId }) => {
      const { dataDir } = system("SendPushNotification");
      if (!isValidId(userId)) throw appError("api.context.invalid_param.app_error", { where: "SendPushNotification", params: { Name: "user_id" } });
      await app.users.getUser(userId);
      // NotificationWillBePushed runs first; a plugin's refusal is not an error (as in Mattermost).
      const outcome = await handOffPush(app.hooks, path.join(dataDir, "push"), userId, (notification ?? {}) as Json, Date.now);
      if ("rejected" in outcome) {
        deps.plugins().get(pluginId)?.log.append({ time: new Date().toISOString(), level: "info", source: "host", message: `SendPushNotification to user ${userId} rejected by a plugin: ${outcome.rejected}` });
      }
      return {};
    },

    openInteractiveDialog: async ({ dialog }) => {
      const { clientTriggerId, userId } = await app.system.verifyTriggerId(dialog?.triggerId ?? "");
      const request = { trigger_id: clientTriggerId, url: dialog?.url ?? "", dialog: dialog?.dialog ?? {} };
      app.events.publish(newWebSocketEvent(OPEN_DIALOG, { dialog: JSON.stringify(request) }, { user_id: userId }));
      return {};
    },
    sendToastMessage: async ({ userId, connectionId, message, options }) => {
      if (userId === "") throw appError("app.toast.send_toast_message.user_id.app_error", { where: "SendToastMessage" });
      if (message === "") throw appError("app.toast.send_toast_message.message.app_error", { where: "SendToastMessage" });
      const connection = connectionId || options?.connectionId || "";
      app.events.publish(newWebSocketEvent(SHOW_TOAST, { message, position: options?.position ?? "" }, { user_id: userId, connection_id: connection }));
      return {};
    },

    logAuditRec: async ({ rec }) => {
      await system("LogAuditRec").audit.append((rec ?? {}) as Json, DEFAULT_AUDIT_LEVEL, { pluginId, now: Date.now() });
      return {};
    },
    logAuditRecWithLevel: async ({ rec, level }) => {
      await system("LogAuditRecWithLevel").audit.append((rec ?? {}) as Json, level, { pluginId, now: Date.now() });
      return {};
    },

    requestTrialLicense: async () => {
      throw notSupported("RequestTrialLicense", "this server has no licensing; there is no license to request or install");
    },
    getCloudLimits: async () => {
      throw notSupported("GetCloudLimits", "this server is not a Mattermost Cloud workspace");
    },
  };
}
