/**
 * Hello, TypeScript: the example Polyplug plugin written with @polyplug/plugin (copy it to start
 * your own). It behaves like examples/hello_python:
 *
 * - /hello [name] answers "Hello, <name>!" (your username when no name is given), only to you;
 * - posts containing the BadWord setting (any case) are rejected;
 * - GET /plugins/com.polyplug.hello-ts/hits counts its calls in the KV store and answers JSON.
 *
 * The host runs this file through tsx; `node bundle.ts` makes a plain-JS bundle for distribution.
 */
import { definePlugin, isAppError, isMainModule, runPlugin } from "@polyplug/plugin";

let badWord = "badword";
// Handlers run concurrently; the read-modify-write of the counter is chained to stay exact.
let hitsQueue: Promise<unknown> = Promise.resolve();

export const helloPlugin = definePlugin({
  async onConfigurationChange({ api }) {
    const settings = await api.getPluginConfig();
    badWord = String(settings.BadWord ?? "badword").trim().toLowerCase();
  },

  async onActivate({ api, log }) {
    const hello = (trigger: string) =>
      api.registerCommand({ trigger, auto_complete: true, auto_complete_desc: "Say hello", auto_complete_hint: "[name]", display_name: "Hello" });
    try {
      await hello("hello");
    } catch (error) {
      if (!isAppError(error) || error.statusCode !== 409) throw error;
      // Another plugin (say, hello_python beside us in examples/) owns /hello: take our own name.
      log.warn("/hello belongs to another plugin; registering /hello-ts instead");
      await hello("hello-ts");
    }
    log.info("Hello, TypeScript!", { server_version: await api.getServerVersion() });
  },

  messageWillBePosted(_ctx, { post }) {
    if (badWord && post.message.toLowerCase().includes(badWord)) return "Message blocked: contains a forbidden word";
    return undefined;
  },

  async executeCommand({ api }, { args }) {
    let name = args.command.trim().split(/\s+/).slice(1).join(" ");
    if (!name) name = (await api.getUser(args.user_id)).username;
    return { response_type: "ephemeral", text: `Hello, ${name}!` };
  },

  async serveHTTP({ api }, req, res) {
    if (req.path !== "/hits") {
      res.writeHead(404).end("Not Found");
      return;
    }
    const count = (hitsQueue = hitsQueue.then(async () => {
      const hits = Number(Buffer.from((await api.kvGet("hits")) ?? "0").toString() || "0") + 1;
      await api.kvSet("hits", String(hits));
      return hits;
    }));
    res.json({ hits: await count });
  },
});

if (isMainModule(import.meta.url)) runPlugin(helloPlugin);
