import { parseArgs } from "node:util";
import { serveCommand } from "./serve-command.js";

const USAGE = `polyplug — a polyglot plugin server for Mattermost-compatible chat

Usage:
  polyplug serve [options]     run the server (embedded SQLite, or PostgreSQL) with the plugins in --plugins-dir
  polyplug help                show this help

serve options:
  --data-dir DIR      where the database, files and logs live (default ./data)
  --database-url URL  store data in PostgreSQL instead: postgres://user:password@host:port/database
                      (better: set POLYPLUG_DATABASE_URL, which other users cannot read in the
                      process list; plugins never see POLYPLUG_* variables)
  --plugins-dir DIR   one sub-directory per plugin bundle (default ./plugins)
  --host HOST         listen address; loopback unless you mean it (default 127.0.0.1)
  --port PORT         HTTP port (default 8065; 0 picks a free one)
  --python PATH       Python interpreter for plugins without their own venv
  --site-url URL      public URL of the server (default http://HOST:PORT)
`;

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "serve":
      return serveCommand(parseServeArgs(rest, env));
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`polyplug: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
      return 2;
  }
}

/** `polyplug serve`'s options; the database URL comes from the flag, else POLYPLUG_DATABASE_URL. */
export function parseServeArgs(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { values } = parseArgs({
    args,
    options: {
      "data-dir": { type: "string", default: "./data" },
      "database-url": { type: "string" },
      "plugins-dir": { type: "string", default: "./plugins" },
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "8065" },
      python: { type: "string" },
      "site-url": { type: "string" },
    },
    strict: true,
  });
  const databaseUrl = values["database-url"] || env.POLYPLUG_DATABASE_URL;
  return {
    dataDir: values["data-dir"],
    pluginDir: values["plugins-dir"],
    host: values.host,
    port: Number(values.port),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(values.python ? { pythonInterpreter: values.python } : {}),
    ...(values["site-url"] ? { siteUrl: values["site-url"] } : {}),
  };
}
