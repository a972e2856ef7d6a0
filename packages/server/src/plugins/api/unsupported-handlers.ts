import type { PluginAPIHandlers } from "@polyplug/host";
import { notSupported } from "../../app/app-error.js";

/**
 * Mattermost's shared channels and access control methods. Both need a service this server does
 * not run (remote cluster synchronisation; Enterprise's CEL policy engine), so each answers 501
 * with the reason rather than pretending: a plugin asking EvaluateAccessControl must deny on an
 * error, as Mattermost's contract says. docs/api-unsupported.md lists them.
 */
const SHARED_CHANNELS = "this server runs no shared channels (remote cluster) service";
const ACCESS_CONTROL = "this server runs no access control policy engine (a Mattermost Enterprise feature)";

export const SHARED_CHANNEL_METHODS = [
  "RegisterPluginForSharedChannels", "UnregisterPluginForSharedChannels", "UnregisterPluginRemoteForSharedChannels",
  "ShareChannel", "UpdateSharedChannel", "UnshareChannel", "UpdateSharedChannelCursor", "SyncSharedChannel",
  "InviteRemoteToChannel", "UninviteRemoteFromChannel", "ReceiveSharedChannelSyncMsg",
  "ReceiveSharedChannelAttachmentSyncMsg", "ReceiveSharedChannelProfileImageSyncMsg",
] as const;

export const ACCESS_CONTROL_METHODS = [
  "EvaluateAccessControl", "SaveAccessControlPolicy", "GetAccessControlPolicy", "DeleteAccessControlPolicy",
  "CheckAccessControlExpression", "QueryUsersForAccessControlExpression", "GetAccessControlFieldsAutocomplete",
  "GetAccessControlVisualAST",
] as const;

/** `GetAccessControlVisualAST` → `getAccessControlVisualAST` (protobuf-es local names). */
function handlerName(method: string): string {
  return method.charAt(0).toLowerCase() + method.slice(1);
}

export function createUnsupportedHandlers(): PluginAPIHandlers {
  const handlers: Record<string, () => Promise<never>> = {};
  for (const method of SHARED_CHANNEL_METHODS) handlers[handlerName(method)] = async () => { throw notSupported(method, SHARED_CHANNELS); };
  for (const method of ACCESS_CONTROL_METHODS) handlers[handlerName(method)] = async () => { throw notSupported(method, ACCESS_CONTROL); };
  return handlers as PluginAPIHandlers;
}
