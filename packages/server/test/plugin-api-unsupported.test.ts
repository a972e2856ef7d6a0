import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { ACCESS_CONTROL_METHODS, SHARED_CHANNEL_METHODS } from "../src/plugins/api/unsupported-handlers.js";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { TEST_DIALECT } from "./support/test-database.js";

// Shared channels and access control need services this server does not run: every method must
// answer a clear 501 naming the method and the reason (never an empty success), through the real
// Python SDK, and be listed in docs/api-unsupported.md.
const ID = "a".repeat(26);
const CALLS: Record<string, [method: string, args: Record<string, unknown>]> = {
  RegisterPluginForSharedChannels: ["register_plugin_for_shared_channels", { opts: { Displayname: "x", PluginID: "p" } }],
  UnregisterPluginForSharedChannels: ["unregister_plugin_for_shared_channels", { plugin_id: "p" }],
  UnregisterPluginRemoteForSharedChannels: ["unregister_plugin_remote_for_shared_channels", { remote_id: ID }],
  ShareChannel: ["share_channel", { shared_channel: { id: ID } }],
  UpdateSharedChannel: ["update_shared_channel", { shared_channel: { id: ID } }],
  UnshareChannel: ["unshare_channel", { channel_id: ID }],
  UpdateSharedChannelCursor: ["update_shared_channel_cursor", { channel_id: ID, remote_id: ID, cursor: { LastPostUpdateAt: 1 } }],
  SyncSharedChannel: ["sync_shared_channel", { channel_id: ID }],
  InviteRemoteToChannel: ["invite_remote_to_channel", { channel_id: ID, remote_id: ID, user_id: ID, share_if_not_shared: true }],
  UninviteRemoteFromChannel: ["uninvite_remote_from_channel", { channel_id: ID, remote_id: ID }],
  ReceiveSharedChannelSyncMsg: ["receive_shared_channel_sync_msg", { remote_id: ID, msg: { channel_id: ID } }],
  ReceiveSharedChannelAttachmentSyncMsg: ["receive_shared_channel_attachment_sync_msg", { remote_id: ID, channel_id: ID, file_info: { name: "a.txt" }, data: "hi" }],
  ReceiveSharedChannelProfileImageSyncMsg: ["receive_shared_channel_profile_image_sync_msg", { remote_id: ID, user_id: ID, image: "png" }],
  EvaluateAccessControl: ["evaluate_access_control", { user_id: ID, resource_type: "com.polyplug.test.py-api:doc", resource_id: ID, action: "read" }],
  SaveAccessControlPolicy: ["save_access_control_policy", { acting_user_id: ID, policy: { id: ID } }],
  GetAccessControlPolicy: ["get_access_control_policy", { id: ID }],
  DeleteAccessControlPolicy: ["delete_access_control_policy", { acting_user_id: ID, resource_type: "t", id: ID }],
  CheckAccessControlExpression: ["check_access_control_expression", { acting_user_id: ID, resource_type: "t", expression: "true" }],
  QueryUsersForAccessControlExpression: ["query_users_for_access_control_expression", { acting_user_id: ID, resource_type: "t", expression: "true", term: "", cursor_id: "", limit: 10 }],
  GetAccessControlFieldsAutocomplete: ["get_access_control_fields_autocomplete", { acting_user_id: ID, after: "", limit: 10 }],
  GetAccessControlVisualAST: ["get_access_control_visual_ast", { acting_user_id: ID, resource_type: "t", expression: "true" }],
};

describe(`Plugin API methods needing systems not run here answer 501, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  before(async () => { probe = await startApiProbe(); });
  after(async () => { await probe?.close(); });

  test("the table covers every shared channels and access control method", () => {
    assert.deepEqual(Object.keys(CALLS).sort(), [...SHARED_CHANNEL_METHODS, ...ACCESS_CONTROL_METHODS].sort());
  });

  for (const [name, [method, args]] of Object.entries(CALLS)) {
    test(`${name} (${method}) answers 501 with its reason`, async () => {
      const viaAsync = name.length % 2 === 0; // both clients, spread over the table
      const error = await probe.fails(method, args, 501, viaAsync);
      assert.equal(error.id, "app.plugin_api.not_supported.app_error");
      assert.match(error.message, new RegExp(`^${name} is not supported by this server: this server runs no (shared channels|access control)`));
    });
  }

  test("docs/api-unsupported.md lists each of them", async () => {
    const doc = await readFile("docs/api-unsupported.md", "utf8");
    for (const name of Object.keys(CALLS)) assert.match(doc, new RegExp(`\\| ${name} \\|`), name);
  });
});
