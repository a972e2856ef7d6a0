import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, open, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { PluginState } from "@polyplug/host";
import { defaultProfileImage } from "../src/app/default-profile-image.js";
import { publicLinkHash } from "../src/app/files-service.js";
import type { Channel } from "../src/app/models/channel.js";
import type { Team } from "../src/app/models/team.js";
import type { User } from "../src/app/models/user.js";
import { newId } from "../src/app/new-id.js";
import { startApiProbe, type ApiProbe } from "./support/plugin-api-probe.js";
import { eventually, RestClient } from "./support/running-server.js";
import { TEST_DIALECT } from "./support/test-database.js";
import { makeChannel, makeTeam, makeUser } from "./support/test-env.js";

// The files group of the Plugin API (files, upload sessions, custom emoji) called from a real
// Python plugin, plus the REST routes it relies on (public links, POST /emoji) and the
// FileWillBeDownloaded hook, answered by the py-files-hooks fixture plugin.
const HOOKS_PLUGIN = "com.polyplug.test.py-files-hooks";
const TS_PLUGIN = "com.polyplug.test.ts-files";
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const MAX_FILE_BYTES = 1024 * 1024;
/** A whole PNG (the server reads an image's header to the end before accepting it). */
const PNG = defaultProfileImage("emoji");
/** A 1x1 GIF. */
const GIF = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");
const UPLOAD_STREAM_PLUGIN = "com.polyplug.test.py-upload-stream";
const b64 = (data: Buffer | string) => ({ base64: Buffer.from(data).toString("base64") });
const bytesOf = (answer: { base64: string }) => Buffer.from(answer.base64, "base64");

describe(`files, upload sessions and emoji through the Plugin API, on ${TEST_DIALECT}`, () => {
  let probe: ApiProbe;
  let rest: RestClient;
  let user: User;
  let team: Team;
  let channel: Channel;
  let other: Channel;
  let tsBundle: string;

  before(async () => {
    // The TS plugin runs from source, so it needs the repo's node_modules beside it.
    tsBundle = path.join(await mkdtemp(path.join(tmpdir(), "pp-ts-files-")), "ts-files");
    await cp(path.join(repo, "packages/server/test/fixtures/plugins/ts-files"), tsBundle, { recursive: true });
    await symlink(path.join(repo, "node_modules"), path.join(tsBundle, "node_modules"));
    probe = await startApiProbe({
      bundles: ["packages/server/test/fixtures/plugins/py-files-hooks", "packages/server/test/fixtures/plugins/py-upload-stream", tsBundle],
      config: { FileSettings: { EnablePublicLink: true, MaxFileSize: MAX_FILE_BYTES } },
    });
    assert.equal(probe.server.plugins.get(HOOKS_PLUGIN)?.state, PluginState.Running);
    assert.equal(probe.server.plugins.get(TS_PLUGIN)?.state, PluginState.Running);
    rest = new RestClient(probe.server.url);
    const me = await rest.signUp("filer");
    user = await probe.app.users.getUser(me.id);
    team = await makeTeam(probe.app, user);
    channel = await makeChannel(probe.app, team, user);
    other = await makeChannel(probe.app, team, user);
  });
  after(async () => {
    await probe?.close();
    if (tsBundle) await rm(path.dirname(tsBundle), { recursive: true, force: true });
  });

  const row = (id: string) => probe.database.database.db.selectFrom("file_infos").selectAll().where("id", "=", id).executeTakeFirst();
  const configPath = () => path.join(probe.server.dataDir, "config.json");
  async function changeConfig(change: (config: any) => void): Promise<void> {
    const config = JSON.parse(await readFile(configPath(), "utf8"));
    change(config);
    await writeFile(configPath(), JSON.stringify(config));
  }
  /** Uploads through REST as `user` and attaches the files to a new post (so they have public links). */
  async function postedFile(name: string, content: string): Promise<any> {
    const form = new FormData();
    form.append("channel_id", channel.id);
    form.append("files", new Blob([content]), name);
    const response = await fetch(`${probe.server.url}/api/v4/files`, { method: "POST", headers: { Authorization: `Bearer ${rest.token}` }, body: form });
    assert.equal(response.status, 201, await response.clone().text());
    const info = ((await response.json()) as any).file_infos[0];
    await probe.app.posts.createPost({ channel_id: channel.id, user_id: user.id, message: name, file_ids: [info.id] });
    return info;
  }
  const downloadRecord = async (fileId: string) => {
    const value = await eventually(() => probe.app.kv.get(HOOKS_PLUGIN, `download:${fileId}`));
    return JSON.parse(Buffer.from(value).toString());
  };

  for (const viaAsync of [false, true]) {
    const client = viaAsync ? "async" : "sync";
    test(`${client}: UploadFile stores a file for "nouser" and runs FileWillBeUploaded; GetFileInfo and GetFile read it back`, async () => {
      const info = await probe.ok("upload_file", { data: b64(`hello ${client}`), channel_id: channel.id, filename: "dir/hello.txt" }, viaAsync);
      assert.equal(info.user_id, "nouser");
      assert.equal(info.channel_id, channel.id);
      assert.equal(info.post_id, "");
      assert.equal(info.name, "hello.txt", "directories are stripped from the name");
      assert.equal(info.extension, "txt");
      assert.equal(info.mime_type, "text/plain");
      assert.equal(info.size, `hello ${client}`.length);
      const stored = await row(info.id);
      assert.equal(stored?.creator_id, "nouser");
      assert.deepEqual(await probe.ok("get_file_info", { file_id: info.id }, viaAsync), info);
      assert.equal(bytesOf(await probe.ok("get_file", { file_id: info.id }, viaAsync)).toString(), `hello ${client}`);

      const missing = newId();
      assert.equal((await probe.fails("get_file_info", { file_id: missing }, 404, viaAsync)).id, "app.file_info.get.app_error");
      assert.equal((await probe.fails("get_file", { file_id: missing }, 404, viaAsync)).id, "app.file_info.get.app_error");
      assert.equal((await probe.fails("upload_file", { data: b64("x"), channel_id: newId(), filename: "x.txt" }, 400, viaAsync)).id, "api.file.upload_file.incorrect_channelId.app_error");
      const rejected = await probe.fails("upload_file", { data: b64("MZ"), channel_id: channel.id, filename: "tool.exe" }, 400, viaAsync);
      assert.equal(rejected.id, "api.file.upload_file.rejected_by_plugin.app_error");
      assert.match(rejected.message, /py-files-hooks refuses executables/);
      const tooBig = await probe.fails("upload_file", { data: b64(Buffer.alloc(MAX_FILE_BYTES + 1)), channel_id: channel.id, filename: "big.bin" }, 413, viaAsync);
      assert.equal(tooBig.id, "api.file.upload_file.too_large_detailed.app_error");
    });
  }

  test("GetFile and ReadFile answer 413 for a file that cannot fit in one 64 MiB message; ReadFile reads by store path", async () => {
    const small = await probe.ok("upload_file", { data: b64("by path"), channel_id: channel.id, filename: "path.txt" });
    const storedPath = (await row(small.id))!.path;
    assert.equal(bytesOf(await probe.ok("read_file", { path: storedPath })).toString(), "by path");
    assert.equal(bytesOf(await probe.ok("read_file", { path: storedPath }, true)).toString(), "by path");
    assert.equal((await probe.fails("read_file", { path: "nothing/here.txt" }, 404)).id, "api.file.read_file.app_error");
    assert.equal((await probe.fails("read_file", { path: "../config.json" }, 400)).id, "api.file.read_file.invalid_path.app_error");

    // A sparse 65 MiB file: big on paper, cheap on disk.
    const id = newId();
    const relative = `huge/${id}/huge.bin`;
    await mkdir(path.join(probe.server.dataDir, "files", "huge", id), { recursive: true });
    const handle = await open(path.join(probe.server.dataDir, "files", relative), "w");
    await handle.truncate(65 * 1024 * 1024);
    await handle.close();
    const now = Date.now();
    await probe.database.database.db.insertInto("file_infos").values({
      id, creator_id: user.id, post_id: "", channel_id: channel.id, create_at: now, update_at: now, delete_at: 0, path: relative, name: "huge.bin",
      extension: "bin", size: 65 * 1024 * 1024, mime_type: "application/octet-stream", width: 0, height: 0, has_preview_image: 0, remote_id: "", archived: 0, content: "",
    }).execute();
    assert.equal((await probe.fails("get_file", { file_id: id }, 413)).id, "app.file.read.too_large_for_message.app_error");
    assert.equal((await probe.fails("read_file", { path: relative }, 413, true)).id, "app.file.read.too_large_for_message.app_error");
    await probe.database.database.db.deleteFrom("file_infos").where("id", "=", id).execute();
  });

  test("CopyFileInfos makes new infos for the same bytes, on no post and in no channel; a copy can be attached anywhere", async () => {
    const a = await postedFile("a.txt", "first");
    const b = await probe.ok("upload_file", { data: b64("second"), channel_id: channel.id, filename: "b.txt" });
    const copies: string[] = await probe.ok("copy_file_infos", { user_id: user.id, file_ids: [a.id, b.id] });
    assert.equal(copies.length, 2);
    assert.ok(!copies.includes(a.id) && !copies.includes(b.id));
    const [copyA, copyB] = [(await row(copies[0]!))!, (await row(copies[1]!))!];
    assert.equal(copyA.creator_id, user.id);
    assert.equal(copyA.post_id, "");
    assert.equal(copyA.channel_id, "");
    assert.equal(copyA.path, (await row(a.id))!.path, "the bytes are shared");
    assert.equal(copyB.name, "b.txt");
    assert.equal(bytesOf(await probe.ok("get_file", { file_id: copies[1] }, true)).toString(), "second");

    const before = await probe.database.database.db.selectFrom("file_infos").select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    assert.equal((await probe.fails("copy_file_infos", { user_id: user.id, file_ids: [a.id, newId()] }, 404, true)).id, "app.file_info.get.app_error");
    const afterFailure = await probe.database.database.db.selectFrom("file_infos").select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    assert.equal(Number(afterFailure.n), Number(before.n), "a failed copy stores nothing");

    const post = await probe.app.posts.createPost({ channel_id: other.id, user_id: user.id, message: "copied", file_ids: [copies[0]!] });
    const attached = (await row(copies[0]!))!;
    assert.equal(attached.post_id, post.id);
    assert.equal(attached.channel_id, other.id, "attaching gives the copy its post's channel");
  });

  test("SetFileSearchableContent stores the text for search", async () => {
    const info = await probe.ok("upload_file", { data: b64("%PDF"), channel_id: channel.id, filename: "doc.pdf" });
    await probe.ok("set_file_searchable_content", { file_id: info.id, content: "quarterly report" });
    assert.equal((await row(info.id))!.content, "quarterly report");
    await probe.ok("set_file_searchable_content", { file_id: info.id, content: "revised" }, true);
    assert.equal((await row(info.id))!.content, "revised");
    assert.equal((await probe.fails("set_file_searchable_content", { file_id: newId(), content: "x" }, 404)).id, "app.file_info.get.app_error");
  });

  test("GetFileInfos filters by users, channels, time and deletion, sorts by creation or size, and pages", async () => {
    const team2 = await makeTeam(probe.app, user);
    const [c1, c2] = [await makeChannel(probe.app, team2, user), await makeChannel(probe.app, team2, user)];
    const alice = user;
    const bob = await makeUser(probe.app, "bob");
    const made = [];
    for (const [ch, who, size] of [[c1, alice, 30], [c1, bob, 10], [c2, alice, 20], [c2, bob, 40]] as const) {
      made.push(await probe.app.files.uploadOne(ch.id, who.id, `f${size}.bin`, [Buffer.alloc(size)]));
    }
    const ids = (list: any[]) => list.map((f) => f.id);
    const channels = { channel_ids: [c1.id, c2.id] };
    assert.deepEqual(ids(await probe.ok("get_file_infos", { page: 0, per_page: 10, opt: channels })), ids(made), "creation order by default");
    assert.deepEqual(ids(await probe.ok("get_file_infos", { page: 0, per_page: 10, opt: { ...channels, sort_by: "Size", sort_descending: true } }, true)), [made[3]!.id, made[0]!.id, made[2]!.id, made[1]!.id]);
    assert.deepEqual(ids(await probe.ok("get_file_infos", { page: 0, per_page: 10, opt: { ...channels, user_ids: [bob.id] } })), [made[1]!.id, made[3]!.id]);
    assert.deepEqual(ids(await probe.ok("get_file_infos", { page: 0, per_page: 10, opt: { channel_ids: [c2.id] } })), [made[2]!.id, made[3]!.id]);
    assert.deepEqual(ids(await probe.ok("get_file_infos", { page: 0, per_page: 10, opt: { ...channels, since: made[2]!.create_at } })), [made[2]!.id, made[3]!.id]);
    assert.deepEqual(ids(await probe.ok("get_file_infos", { page: 1, per_page: 3, opt: channels })), [made[3]!.id], "the second page of three");

    await probe.database.database.db.updateTable("file_infos").set({ delete_at: Date.now() }).where("id", "=", made[0]!.id).execute();
    assert.deepEqual(ids(await probe.ok("get_file_infos", { page: 0, per_page: 10, opt: channels })), ids(made.slice(1)));
    assert.deepEqual(ids(await probe.ok("get_file_infos", { page: 0, per_page: 10, opt: { ...channels, include_deleted: true } })), ids(made));
    const all = await probe.ok("get_file_infos", { page: 0, per_page: 1000 });
    assert.ok(all.length >= 3 && all.every((f: any) => f.delete_at === 0), "no options: every live file");
    assert.equal((await probe.fails("get_file_infos", { page: 0, per_page: 10, opt: { sort_by: "Name" } }, 400)).id, "app.file_info.get_with_options.app_error");
  });

  test("GetFileLink gives a public link that serves the file; downloads run FileWillBeDownloaded (403 on refusal, fail open on errors)", async () => {
    const unattached = await probe.ok("upload_file", { data: b64("loose"), channel_id: channel.id, filename: "loose.txt" });
    assert.equal((await probe.fails("get_file_link", { file_id: unattached.id }, 400)).id, "plugin_api.get_file_link.no_post.app_error");
    assert.equal((await probe.fails("get_file_link", { file_id: newId() }, 404)).id, "app.file_info.get.app_error");

    const shared = await postedFile("shared.txt", "for everyone");
    const link: string = await probe.ok("get_file_link", { file_id: shared.id }, true);
    const salt = JSON.parse(await readFile(configPath(), "utf8")).FileSettings.PublicLinkSalt;
    assert.ok(salt, "the generated salt is saved to config.json");
    assert.equal(link, `/files/${shared.id}/public?h=${publicLinkHash(shared.id, salt)}`);
    const response = await fetch(`${probe.server.url}${link}`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), "for everyone");
    assert.deepEqual(await downloadRecord(shared.id), { user_id: "", download_type: "public", name: "shared.txt" });
    const forged = await fetch(`${probe.server.url}/files/${shared.id}/public?h=${publicLinkHash(shared.id, "guess")}`);
    assert.equal(forged.status, 400);
    assert.equal(((await forged.json()) as any).id, "api.file.get_file.public_invalid.app_error");

    // A logged-in download: the hook sees the user and the "file" download type.
    const mine = await postedFile("mine.txt", "private-ish");
    const download = await fetch(`${probe.server.url}/api/v4/files/${mine.id}`, { headers: { Authorization: `Bearer ${rest.token}` } });
    assert.equal(download.status, 200);
    assert.equal(await download.text(), "private-ish");
    assert.deepEqual(await downloadRecord(mine.id), { user_id: user.id, download_type: "file", name: "mine.txt" });

    const secret = await postedFile("secret-plans.txt", "do not leak");
    const refused = await fetch(`${probe.server.url}/api/v4/files/${secret.id}`, { headers: { Authorization: `Bearer ${rest.token}` } });
    assert.equal(refused.status, 403);
    const refusal = (await refused.json()) as any;
    assert.equal(refusal.id, "api.file.get_file.rejected_by_plugin.app_error");
    assert.equal(refusal.message, "secret-plans.txt is classified");
    const secretLink: string = await probe.ok("get_file_link", { file_id: secret.id });
    assert.equal((await fetch(`${probe.server.url}${secretLink}`)).status, 403);

    const boom = await postedFile("boom.txt", "still served");
    const failedOpen = await fetch(`${probe.server.url}/api/v4/files/${boom.id}`, { headers: { Authorization: `Bearer ${rest.token}` } });
    assert.equal(failedOpen.status, 200, "a plugin error does not block the download");
    assert.equal(await failedOpen.text(), "still served");

    await changeConfig((config) => (config.FileSettings.EnablePublicLink = false));
    try {
      assert.equal((await probe.fails("get_file_link", { file_id: shared.id }, 501)).id, "plugin_api.get_file_link.disabled.app_error");
      const off = await fetch(`${probe.server.url}${link}`);
      assert.equal(off.status, 501);
      assert.equal(((await off.json()) as any).id, "api.file.get_public_link.disabled.app_error");
    } finally {
      await changeConfig((config) => (config.FileSettings.EnablePublicLink = true));
    }
  });

  for (const viaAsync of [false, true]) {
    const client = viaAsync ? "async" : "sync";
    test(`${client}: an upload session takes the bytes in parts (streamed), then becomes a file and is gone`, async () => {
      const content = Buffer.alloc(200_000);
      for (let i = 0; i < content.length; i++) content[i] = (i * 7) % 251;
      const session = await probe.ok("create_upload_session", { upload_session: { type: "attachment", user_id: user.id, channel_id: channel.id, filename: "data.bin", file_size: content.length, file_offset: 99 } }, viaAsync);
      assert.ok(session.id.length === 26);
      assert.equal(session.file_offset, 0, "a new session starts at 0 whatever was asked");
      assert.equal(session.user_id, user.id);
      assert.deepEqual(await probe.ok("get_upload_session", { upload_id: session.id }, viaAsync), session);

      assert.equal(await probe.ok("upload_data", { upload_session: session, data: b64(content.subarray(0, 150_000)) }, viaAsync), null, "not complete yet");
      assert.equal((await probe.ok("get_upload_session", { upload_id: session.id }, viaAsync)).file_offset, 150_000);
      // Bytes past file_size are dropped, as Mattermost's LimitReader does.
      const info = await probe.ok("upload_data", { upload_session: { ...session, file_offset: 150_000 }, data: b64(Buffer.concat([content.subarray(150_000), Buffer.from("extra")])) }, viaAsync);
      assert.equal(info.size, content.length);
      assert.equal(info.name, "data.bin");
      assert.equal(info.user_id, user.id);
      assert.equal(info.channel_id, channel.id);
      assert.ok(bytesOf(await probe.ok("get_file", { file_id: info.id }, viaAsync)).equals(content));
      assert.equal((await probe.fails("get_upload_session", { upload_id: session.id }, 404, viaAsync)).id, "app.upload.get.app_error");
      assert.equal((await probe.fails("upload_data", { upload_session: session, data: b64("x") }, 404, viaAsync)).id, "app.upload.get.app_error");
      assert.equal(await probe.database.database.db.selectFrom("upload_sessions").select("id").where("id", "=", session.id).executeTakeFirst(), undefined);
    });
  }

  test("UploadData: a stream may not switch sessions (400), and one running more than a chunk past file_size is cut off (413)", async () => {
    const newSession = (filename: string, fileSize: number) =>
      probe.ok("create_upload_session", { upload_session: { type: "attachment", user_id: user.id, channel_id: channel.id, filename, file_size: fileSize } });
    const stream = async (messages: Array<{ upload_id?: string; data?: Buffer }>) => {
      const body = JSON.stringify({ messages: messages.map((m) => ({ upload_id: m.upload_id ?? "", data: (m.data ?? Buffer.alloc(0)).toString("base64") })) });
      const response = await fetch(`${probe.server.url}/plugins/${UPLOAD_STREAM_PLUGIN}/stream`, { method: "POST", body });
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as { error?: { id: string; status: number }; complete?: boolean; rpc_error?: string };
    };
    const a = await newSession("a.bin", 10);
    const b = await newSession("b.bin", 10);
    const switched = await stream([{ upload_id: a.id, data: Buffer.from("12345") }, { upload_id: b.id, data: Buffer.from("67890") }]);
    assert.deepEqual(switched.error, { id: "app.upload.upload_data.other_upload.app_error", status: 400 });
    assert.equal((await probe.ok("get_upload_session", { upload_id: a.id })).file_offset, 5, "the bytes before the switch landed in a");
    assert.equal((await probe.ok("get_upload_session", { upload_id: b.id })).file_offset, 0, "nothing went to b");
    // Repeating the session's own id on later messages is fine.
    assert.deepEqual(await stream([{ upload_id: a.id, data: Buffer.from("ab") }, { upload_id: a.id, data: Buffer.from("cde") }]), { complete: true });

    // Up to one chunk past file_size is read and dropped (Mattermost's LimitReader); more is refused.
    const c = await newSession("c.bin", 10);
    const runaway = await probe.fails("upload_data", { upload_session: c, data: b64(Buffer.alloc(10 + 200 * 1024, 1)) }, 413);
    assert.equal(runaway.id, "app.upload.upload_data.too_large.app_error");
    const tail = await stream([{ upload_id: b.id, data: Buffer.alloc(10 + 64 * 1024, 2) }]);
    assert.equal(tail.complete, true, "file_size plus one chunk still completes");
  });

  test("UploadFile: the channel may be left empty, as Mattermost's UploadFile allows (a file of no channel)", async () => {
    const info = await probe.ok("upload_file", { data: b64("loose bytes"), channel_id: "", filename: "loose.txt" });
    assert.equal(info.channel_id, "");
    assert.equal((await row(info.id))?.creator_id, "nouser");
    assert.equal((await probe.fails("upload_file", { data: b64("x"), channel_id: "not-an-id", filename: "x.txt" }, 400)).id, "api.file.upload_file.incorrect_channelId.app_error");
  });

  test("the TypeScript SDK's uploadData streams a Readable, then bytes, into a session", async () => {
    const size = 150_000;
    const response = await fetch(`${probe.server.url}/plugins/${TS_PLUGIN}/upload`, { method: "POST", body: JSON.stringify({ user_id: user.id, channel_id: channel.id, size }) });
    assert.equal(response.status, 200, await response.clone().text());
    const answer = (await response.json()) as any;
    assert.equal(answer.first, null, "half the bytes: not complete yet");
    assert.equal(answer.offset, size / 2);
    assert.equal(answer.info.size, size);
    assert.equal(answer.info.name, "from-ts.bin");
    assert.equal(answer.info.user_id, user.id);
    assert.deepEqual(answer.missing, { id: "app.upload.get.app_error", status: 404 }, "a finished session is gone");
    const expected = Buffer.alloc(size);
    for (let i = 0; i < size; i++) expected[i] = i % 251;
    assert.ok(bytesOf(await probe.ok("get_file", { file_id: answer.info.id })).equals(expected));
  });

  test("upload sessions are validated as Mattermost's, and a completed upload still runs FileWillBeUploaded", async () => {
    const valid = { type: "attachment", user_id: user.id, channel_id: channel.id, filename: "a.bin", file_size: 10 };
    const invalid = async (change: object, status: number, id: string) =>
      assert.equal((await probe.fails("create_upload_session", { upload_session: { ...valid, ...change } }, status)).id, id);
    await invalid({ type: "video" }, 400, "model.upload_session.is_valid.type.app_error");
    await invalid({ user_id: "someone" }, 400, "model.upload_session.is_valid.user_id.app_error");
    await invalid({ channel_id: "" }, 400, "model.upload_session.is_valid.channel_id.app_error");
    await invalid({ filename: "" }, 400, "model.upload_session.is_valid.filename.app_error");
    await invalid({ file_size: 0 }, 400, "model.upload_session.is_valid.file_size.app_error");
    await invalid({ file_size: MAX_FILE_BYTES + 1 }, 413, "app.upload.create.upload_too_large.app_error");
    await invalid({ channel_id: newId() }, 400, "app.upload.create.incorrect_channel_id.app_error");
    const archived = await makeChannel(probe.app, team, user);
    await probe.database.database.db.updateTable("channels").set({ delete_at: Date.now() }).where("id", "=", archived.id).execute();
    await invalid({ channel_id: archived.id }, 400, "app.upload.create.cannot_upload_to_deleted_channel.app_error");
    assert.equal((await probe.fails("get_upload_session", { upload_id: newId() }, 404)).id, "app.upload.get.app_error");

    const local = await probe.ok("create_upload_session", { upload_session: { ...valid, user_id: "nouser", filename: "run.exe", file_size: 2 } });
    const rejected = await probe.fails("upload_data", { upload_session: local, data: b64("MZ") }, 400, true);
    assert.equal(rejected.id, "api.file.upload_file.rejected_by_plugin.app_error");
  });

  test("custom emoji: POST /api/v4/emoji creates them; GetEmoji, GetEmojiByName, GetEmojiList and GetEmojiImage read them", async () => {
    const create = async (emoji: object, image: Buffer, name = "emoji.png") => {
      const form = new FormData();
      form.append("emoji", JSON.stringify(emoji));
      form.append("image", new Blob([image]), name);
      const response = await fetch(`${probe.server.url}/api/v4/emoji`, { method: "POST", headers: { Authorization: `Bearer ${rest.token}` }, body: form });
      return { status: response.status, json: (await response.json()) as any };
    };
    const zebra = await create({ name: "zebra", creator_id: user.id }, PNG);
    assert.equal(zebra.status, 201, JSON.stringify(zebra.json));
    const apple = (await create({ name: "apple", creator_id: user.id }, GIF)).json;
    assert.equal(apple.name, "apple");
    assert.equal((await create({ name: "zebra", creator_id: user.id }, PNG)).json.id, "api.emoji.create.duplicate.app_error");
    assert.equal((await create({ name: "Bad Name", creator_id: user.id }, PNG)).json.id, "model.emoji.name.app_error");
    assert.equal((await create({ name: "thumbsup", creator_id: user.id }, PNG)).json.id, "model.emoji.system_emoji_name.app_error");
    assert.equal((await create({ name: "other", creator_id: newId() }, PNG)).status, 403);
    assert.equal((await create({ name: "text", creator_id: user.id }, Buffer.from("plain text"))).json.id, "api.emoji.upload.image.app_error");
    // a header cut short is not an image (Mattermost decodes the image config)
    assert.equal((await create({ name: "cut", creator_id: user.id }, PNG.subarray(0, 29))).json.id, "api.emoji.upload.image.app_error");
    assert.equal((await create({ name: "huge", creator_id: user.id }, Buffer.concat([PNG, Buffer.alloc(512 * 1024)]))).json.id, "api.emoji.create.too_large.app_error");

    const emoji = await probe.ok("get_emoji", { emoji_id: zebra.json.id });
    assert.deepEqual(emoji, zebra.json);
    assert.equal(emoji.creator_id, user.id);
    assert.deepEqual(await probe.ok("get_emoji_by_name", { name: "apple" }, true), apple);
    assert.deepEqual((await probe.ok("get_emoji_list", { sort_by: "", page: 0, per_page: 10 })).map((e: any) => e.name), ["zebra", "apple"], "creation order");
    assert.deepEqual((await probe.ok("get_emoji_list", { sort_by: "name", page: 0, per_page: 10 }, true)).map((e: any) => e.name), ["apple", "zebra"]);
    assert.deepEqual((await probe.ok("get_emoji_list", { sort_by: "name", page: 1, per_page: 1 })).map((e: any) => e.name), ["zebra"]);
    const image = await probe.ok("get_emoji_image", { emoji_id: zebra.json.id });
    assert.equal(image.format, "png");
    assert.ok(bytesOf(image.image).equals(PNG));
    assert.equal((await probe.ok("get_emoji_image", { emoji_id: apple.id }, true)).format, "gif");

    assert.equal((await probe.fails("get_emoji", { emoji_id: newId() }, 404)).id, "app.emoji.get.no_result");
    assert.equal((await probe.fails("get_emoji_by_name", { name: "nope" }, 404, true)).id, "app.emoji.get_by_name.no_result");
    assert.equal((await probe.fails("get_emoji_image", { emoji_id: newId() }, 404)).id, "app.emoji.get.no_result");
    assert.equal((await probe.fails("get_emoji_list", { sort_by: "size", page: 0, per_page: 10 }, 400)).id, "api.emoji.get_list.sort_by.app_error");

    await changeConfig((config) => (config.ServiceSettings = { EnableCustomEmoji: false }));
    try {
      assert.equal((await probe.fails("get_emoji", { emoji_id: zebra.json.id }, 501)).id, "api.emoji.disabled.app_error");
      assert.equal((await probe.fails("get_emoji_by_name", { name: "zebra" }, 501)).id, "api.emoji.disabled.app_error");
      assert.equal((await probe.fails("get_emoji_image", { emoji_id: zebra.json.id }, 501)).id, "api.emoji.disabled.app_error");
      assert.equal((await create({ name: "later", creator_id: user.id }, PNG)).status, 501);
    } finally {
      await changeConfig((config) => delete config.ServiceSettings);
    }
  });
});
