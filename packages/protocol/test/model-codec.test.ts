import assert from "node:assert/strict";
import { test } from "node:test";
import { CommandResponseSchema, PostSchema, UserSchema, fromProto, toProto } from "../src/index.js";

test("a user's secrets have no field on the wire, so they never reach a plugin", () => {
  const user = { id: "u1", username: "alice", password: "hash", password_hash: "hash", mfa_secret: "totp", email: "a@example.com", create_at: 1700000000000 };
  const back = fromProto(UserSchema, toProto(UserSchema, user));
  assert.equal(back["username"], "alice");
  assert.equal(back["create_at"], 1700000000000);
  for (const secret of ["password", "password_hash", "mfa_secret"]) assert.ok(!(secret in back), secret);
  // auth_data is the account's id at its external auth service, not a credential: Mattermost hands
  // it to plugins (UpdateUserAuth sets it), so it travels.
  assert.equal(fromProto(UserSchema, toProto(UserSchema, { ...user, auth_data: "ldap-42" }))["auth_data"], "ldap-42");
});

test("a post keeps props and metadata whole, both ways", () => {
  const post = { id: "p1", message: "hi", props: { attachments: [{ text: "a", fields: [{ short: true }] }], n: 3 }, metadata: { embeds: [{ type: "link" }] }, file_ids: ["f1"], create_at: 1 };
  const back = fromProto(PostSchema, toProto(PostSchema, post));
  assert.deepEqual(back["props"], post.props);
  assert.deepEqual(back["metadata"], post.metadata);
  assert.deepEqual(back["file_ids"], ["f1"]);
});

test("nested messages convert recursively", () => {
  const response = { response_type: "in_channel", text: "a", extra_responses: [{ response_type: "ephemeral", text: "b" }] };
  const back = fromProto(CommandResponseSchema, toProto(CommandResponseSchema, response));
  assert.deepEqual((back["extra_responses"] as Array<{ text: string }>).map((r) => r.text), ["b"]);
});
