// Public surface of @polyplug/plugin: write Polyplug (Mattermost-compatible) server plugins in
// TypeScript. Testing helpers are in "@polyplug/plugin/testing", bundling in "@polyplug/plugin/bundle".

// Defining and running a plugin.
export { Plugin, definePlugin, type PluginDefinition, type PluginServices, type PluginSource } from "./plugin.js";
export { isMainModule, runPlugin } from "./run-plugin.js";

// Hooks.
export { HOOK_NAMES, WIRE_HOOK_NAMES, type HookName } from "@polyplug/protocol";
export type { HookHandlers } from "./hook-handlers.js";
export type {
  FileUploadArgs,
  FileUploadResult,
  HookArgs,
  HookContext,
  HookHandler,
  HookResult,
  HttpHookHandler,
  UnaryHookHandler,
} from "./hook-types.js";
export { HookRegistrationError } from "./hook-registration-error.js";
export { PluginRequest, type BodySource, type PluginRequestInit } from "./http/plugin-request.js";
export { PluginResponse, type ResponseMessage, type ResponseSink } from "./http/plugin-response.js";

/** A MessageWillBePosted rejection reason that drops the post without telling its author. */
export const DISMISS_POST_ERROR = "plugin.message_will_be_posted.dismiss_post";

// The Plugin API and its errors.
export type { ApiMethodName, PluginAPI, PositionalAPI, StreamedAPI } from "./plugin-api.js";
export type { PluginHttpRequest, PluginHttpResponse } from "./http/plugin-http.js";
export { AppError, SdkErrorId, isAppError, type AppErrorInit } from "./app-error.js";

// Models (Mattermost's JSON, derived from the wire contract).
export type {
  Channel,
  ChannelMember,
  Command,
  CommandArgs,
  CommandResponse,
  FileData,
  FileInfo,
  Model,
  ModelInit,
  PluginContext,
  Post,
  Preference,
  Reaction,
  SnakeCase,
  Team,
  TeamMember,
  User,
} from "./models.js";

// Runtime settings and logging.
export {
  DEFAULT_HOOK_TIMEOUT_SECONDS,
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  runtimeConfigFromEnv,
  type LogLevel,
  type RuntimeConfig,
} from "./runtime-config.js";
export { createLogger, type LogFields, type Logger, type LoggerOptions } from "./logger.js";

// ---------------------------------------------------------------------------------------------
// Internal: exported for the test kit, tools and the SDK's own tests; not for plugin code.
export { apiMethodName, createPluginAPI } from "./plugin-api.js";
export type { ApiStream, ApiTransport } from "./internal/api-transport.js";
export { attachServices } from "./plugin.js";
