import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { RestClient, runningServer } from "./support/running-server.js";

type Reply = { status: number; json: any; headers?: Headers };

function assertError(reply: Reply, status: number, id: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.json));
  assert.equal(reply.json.id, id);
  assert.equal(reply.json.status_code, status);
  assert.deepEqual(Object.keys(reply.json).sort(), ["detailed_error", "id", "message", "request_id", "status_code"]);
}

/** Every stored file under <dataDir>/files (the private .tmp area excluded). */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, "files");
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== ".tmp") walk(full);
      } else found.push(path.relative(root, full));
    }
  };
  walk(root);
  return found;
}

// Bad input of every kind answers a Mattermost-shaped 4xx and changes nothing; uploads stream to
// disk under a configurable limit and are all or nothing.
describe("REST v4: bad input and file uploads", () => {
  let server: Awaited<ReturnType<typeof runningServer>>;
  const alice = new RestClient("");
  const bob = new RestClient("");
  let channelId = "";
  let privateId = "";

  async function raw(method: string, route: string, body: string | FormData | undefined, headers: Record<string, string> = {}, as = alice): Promise<Reply> {
    const response = await fetch(`${server.url}${route}`, { method, headers: { Authorization: `Bearer ${as.token}`, ...headers }, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let json: any = text;
    try {
      json = JSON.parse(text);
    } catch {
      // a download: keep the text
    }
    return { status: response.status, json, headers: response.headers };
  }

  function form(fields: Array<[string, string] | [string, string, string]>): FormData {
    const data = new FormData();
    for (const [name, value, filename] of fields) {
      if (filename === undefined) data.append(name, value);
      else data.append(name, new Blob([value]), filename);
    }
    return data;
  }

  before(async () => {
    server = await runningServer([], {}, { limits: { maxBodyBytes: 4096, maxFileBytes: 1024 } });
    for (const [name, client] of [["alice", alice], ["bob", bob]] as const) {
      Object.assign(client, { baseUrl: server.url });
      await client.signUp(name);
    }
    const teamId = (await alice.call("POST", "/api/v4/teams", { name: "inputs", display_name: "Inputs", type: "O" })).json.id;
    const bobId = (await bob.call("GET", "/api/v4/users/me")).json.id;
    await alice.call("POST", `/api/v4/teams/${teamId}/members`, { team_id: teamId, user_id: bobId });
    channelId = (await alice.call("POST", "/api/v4/channels", { team_id: teamId, name: "files", display_name: "Files", type: "O" })).json.id;
    await alice.call("POST", `/api/v4/channels/${channelId}/members`, { user_id: bobId });
    privateId = (await alice.call("POST", "/api/v4/channels", { team_id: teamId, name: "private", display_name: "Private", type: "P" })).json.id;
  });
  after(() => server.close());

  test("malformed JSON, unknown fields, oversize bodies and wrong content types are 4xx and store nothing", async () => {
    const json = { "Content-Type": "application/json" };
    assertError(await raw("POST", "/api/v4/posts", '{"channel_id": ', json), 400, "api.context.invalid_body_param.app_error");
    const typo = await raw("POST", "/api/v4/posts", JSON.stringify({ channel_id: channelId, mesage: "typo" }), json);
    assertError(typo, 400, "api.context.invalid_body_param.app_error");
    assert.match(typo.json.detailed_error, /unknown field\(s\): mesage/);
    assertError(await raw("POST", "/api/v4/posts", JSON.stringify({ channel_id: channelId, message: "x".repeat(5000) }), json), 413, "api.context.request_body_too_large.app_error");
    assertError(await raw("POST", "/api/v4/posts", "message=hi", { "Content-Type": "application/x-www-form-urlencoded" }), 400, "api.context.invalid_body_param.app_error");
    assertError(await raw("POST", "/api/v4/posts", "hello", { "Content-Type": "text/plain" }), 400, "api.context.invalid_body_param.app_error");
    assertError(await raw("POST", "/api/v4/posts", form([["channel_id", channelId], ["message", "hi"]])), 400, "api.context.invalid_body_param.app_error");
    assertError(await raw("POST", "/api/v4/users/ids", JSON.stringify({ not: "an array" }), json), 400, "api.context.invalid_body_param.app_error");
    assertError(await raw("PUT", "/api/v4/users/me/preferences", JSON.stringify([{ user_id: "x", category: "c", name: "n", value: "v", extra: 1 }]), json), 400, "api.context.invalid_body_param.app_error");
    assertError(await raw("POST", "/api/v4/users/login", JSON.stringify({ login_id: "alice", password: "correct-horse-1", remember: true }), json), 400, "api.context.invalid_body_param.app_error");
    const posts = await alice.call("GET", `/api/v4/channels/${channelId}/posts`);
    assert.deepEqual(posts.json.order, []);
  });

  test("bad ids and paging values in the URL are 400, unknown routes 404 — all Mattermost-shaped", async () => {
    assertError(await alice.call("GET", "/api/v4/channels/not-an-id"), 400, "api.context.invalid_url_param.app_error");
    assertError(await alice.call("GET", `/api/v4/posts/${"A".repeat(26)}`), 400, "api.context.invalid_url_param.app_error");
    assertError(await alice.call("DELETE", "/api/v4/users/nobody/posts/x/reactions/smile"), 400, "api.context.invalid_url_param.app_error");
    for (const query of ["page=-1", "page=abc", "per_page=0", "per_page=201", "per_page=1.5", "before=xyz", "since=yesterday"]) {
      assertError(await alice.call("GET", `/api/v4/channels/${channelId}/posts?${query}`), 400, "api.context.invalid_url_param.app_error");
    }
    assertError(await alice.call("GET", `/api/v4/users?per_page=1000`), 400, "api.context.invalid_url_param.app_error");
    assertError(await alice.call("GET", "/api/v4/no/such/route"), 404, "api.context.404.app_error");
  });

  test("a non-member cannot read a private channel, its posts or post them", async () => {
    const secret = (await alice.call("POST", "/api/v4/posts", { channel_id: privateId, message: "for my eyes" })).json;
    assertError(await bob.call("GET", `/api/v4/channels/${privateId}`), 403, "api.context.permissions.app_error");
    assertError(await bob.call("GET", `/api/v4/channels/${privateId}/posts`), 403, "api.context.permissions.app_error");
    assertError(await bob.call("GET", `/api/v4/posts/${secret.id}`), 403, "api.context.permissions.app_error");
    assertError(await bob.call("GET", `/api/v4/posts/${secret.id}/thread`), 403, "api.context.permissions.app_error");
    assertError(await bob.call("GET", `/api/v4/channels/${privateId}/members`), 403, "api.context.permissions.app_error");
  });

  test("uploads stream to <dataDir>/files, pair client ids with files, and attach to one post of the uploader", async () => {
    const uploaded = await raw("POST", "/api/v4/files", form([["channel_id", channelId], ["client_ids", "a"], ["files", "first", "one.txt"], ["client_ids", "b"], ["files", "<b>bold</b>", "../../two.html"]]), {}, bob);
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.json));
    assert.deepEqual(uploaded.json.client_ids, ["a", "b"]);
    const [one, two] = uploaded.json.file_infos;
    assert.deepEqual([one.name, one.extension, one.mime_type, one.size, one.post_id], ["one.txt", "txt", "text/plain", 5, ""]);
    assert.equal(two.name, "two.html", "directories in a file name are dropped");
    assert.equal(storedFiles(server.dataDir).length, 2);

    assertError(await alice.call("GET", `/api/v4/files/${one.id}/info`), 404, "app.file_info.get.app_error");
    assertError(await alice.call("POST", "/api/v4/posts", { channel_id: channelId, message: "mine?", file_ids: [one.id] }), 400, "api.post.create_post.file_ids.app_error");
    const post = (await bob.call("POST", "/api/v4/posts", { channel_id: channelId, message: "two files", file_ids: [one.id, two.id] })).json;
    assert.deepEqual(post.file_ids, [one.id, two.id]);
    assertError(await bob.call("POST", "/api/v4/posts", { channel_id: channelId, message: "again", file_ids: [one.id] }), 400, "api.post.create_post.file_ids.app_error");
    assert.equal((await alice.call("GET", `/api/v4/files/${one.id}/info`)).json.post_id, post.id);

    const text = await raw("GET", `/api/v4/files/${one.id}`, undefined);
    assert.equal(text.json, "first");
    assert.equal(text.headers?.get("content-type"), "text/plain");
    assert.equal(text.headers?.get("x-content-type-options"), "nosniff");
    const html = await raw("GET", `/api/v4/files/${two.id}`, undefined);
    assert.equal(html.headers?.get("content-type"), "application/octet-stream", "HTML is never served inline");
    assert.match(html.headers?.get("content-disposition") ?? "", /^attachment; filename="two.html"/);
  });

  test("a failed upload keeps nothing: no channel, wrong order, not a member, too large, not multipart", async () => {
    const before = storedFiles(server.dataDir);
    assertError(await raw("POST", "/api/v4/files", form([["files", "x", "x.txt"]])), 400, "api.file.upload_file.incorrect_channelId.app_error");
    assertError(await raw("POST", "/api/v4/files", form([["files", "x", "x.txt"], ["channel_id", channelId]])), 400, "api.file.upload_file.incorrect_channelId.app_error");
    assertError(await raw("POST", "/api/v4/files", form([["channel_id", "bogus"], ["files", "x", "x.txt"]])), 400, "api.file.upload_file.incorrect_channelId.app_error");
    assertError(await raw("POST", "/api/v4/files", form([["channel_id", privateId], ["files", "x", "x.txt"]]), {}, bob), 403, "api.context.permissions.app_error");
    assertError(await raw("POST", "/api/v4/files", form([["channel_id", channelId]])), 400, "api.file.upload_file.incorrect_number_of_files.app_error");
    const tooLarge = await raw("POST", "/api/v4/files", form([["channel_id", channelId], ["files", "small", "ok.txt"], ["files", "y".repeat(5000), "big.txt"]]));
    assertError(tooLarge, 413, "api.file.upload_file.too_large_detailed.app_error");
    assert.match(tooLarge.json.message, /big\.txt.*1024 bytes/);
    assertError(await raw("POST", "/api/v4/files", JSON.stringify({ channel_id: channelId }), { "Content-Type": "application/json" }), 400, "api.file.upload_file.read_request.app_error");
    assert.deepEqual(storedFiles(server.dataDir), before, "nothing was kept from any failed upload");
    assert.deepEqual(readdirSync(path.join(server.dataDir, "files", ".tmp")), [], "temp files are removed");
  });
});
