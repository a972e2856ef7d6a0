/**
 * How much of Mattermost's plugin.API Polyplug covers: for every method listed in
 * docs/plugin-api-methods.txt (derived from Mattermost's server/public/plugin/api.go), whether it is
 *
 * - on the wire: an RPC of the PluginAPI service (proto/polyplug/v1/api.proto);
 * - implemented: answered by the host, i.e. a handler in the table createPluginAPIBackend builds
 *   (packages/server/src/plugins/plugin-api-backend.ts), or a streamed RPC the host runtime serves
 *   itself; every other wire RPC answers AppError 501;
 * - tested: on the wire and named in a test file (TypeScript or Python tests, their fixture
 *   plugins, the examples' tests) as the RPC (`KVSetWithExpiry`), as a call of the TypeScript SDK
 *   (`api.kvSetWithExpiry`) or, in Python (or quoted in a TypeScript test driving the py-api probe
 *   plugin), as the SDK's method (`kv_set_with_expiry`). The
 *   spellings are narrow on purpose: app-level tests call `app.users.getUser`, which says nothing
 *   about the Plugin API. A mention is not proof of a good test, but a method no test names is
 *   certainly untested.
 *
 * Usage: `node --import tsx scripts/api-coverage.ts [output.md]` writes docs/api-coverage.md (or the
 * given file) and prints the totals. It never fails on missing methods: that gate comes with parity.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PluginAPI } from "@polyplug/protocol";
import type { App } from "../packages/server/src/app/app.js";
import { createPluginAPIBackend } from "../packages/server/src/plugins/plugin-api-backend.js";
import type { PluginConfigSource } from "../packages/server/src/plugins/plugin-config.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const METHOD_LIST = "docs/plugin-api-methods.txt";
export const REPORT = "docs/api-coverage.md";

/** Streamed RPCs the host runtime serves itself rather than through the app's handler table. */
const SERVED_BY_HOST: Readonly<Record<string, string>> = { PluginHTTP: "packages/host/src/plugin-http-bridge.ts" };

/** Where tests live, relative to the repository root; searched recursively. */
const TEST_ROOTS = ["packages", "python/tests", "examples"];
const SKIPPED_DIRS = new Set(["node_modules", "gen", "_gen", ".venv", "__pycache__", "dist"]);
/** The report's own test names methods to check the report; that is not testing them. */
const COVERAGE_TEST = path.join("packages", "server", "test", "api-coverage.test.ts");

export interface MethodCoverage {
  readonly name: string;
  readonly wire: boolean;
  readonly implemented: boolean;
  /** Test files that name the method (relative paths), empty when none does. */
  readonly testedIn: readonly string[];
}

export interface CoverageReport {
  readonly methods: readonly MethodCoverage[];
  /** PluginAPI RPCs that are not Mattermost API methods (none expected; listed if any appear). */
  readonly extraWire: readonly string[];
  readonly totals: { readonly methods: number; readonly wire: number; readonly implemented: number; readonly tested: number };
}

/** Mattermost's method names from the committed list (comments and blank lines skipped). */
export function readMethodList(root = ROOT): string[] {
  return readFileSync(path.join(root, METHOD_LIST), "utf8").split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}

/** The RPC names whose handlers the app's backend provides, found by building the table. */
function backendMethods(): Set<string> {
  // Building the table touches none of its dependencies; handlers would, but none is called.
  const handlers = createPluginAPIBackend({ app: {} as App, plugins: () => { throw new Error("not needed"); }, config: {} as PluginConfigSource })("api-coverage");
  const byLocalName = new Map(PluginAPI.methods.map((method) => [method.localName, method.name]));
  return new Set(Object.keys(handlers).map((localName) => byLocalName.get(localName) ?? localName));
}

/** `KVSetWithExpiry` → `kv_set_with_expiry`, `GetLDAPUserAttributes` → `get_ldap_user_attributes`. */
export function snakeName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

/** `KVSetWithExpiry` → `kvSetWithExpiry` (the TypeScript SDK's apiMethodName). */
export function camelName(name: string): string {
  const upper = /^[A-Z]*/.exec(name)![0].length;
  if (upper <= 1 || upper === name.length) return name.slice(0, upper).toLowerCase() + name.slice(upper);
  return name.slice(0, upper - 1).toLowerCase() + name.slice(upper - 1);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether `text` (the content of `file`) names the Plugin API method `name` in one of its spellings. */
function mentions(name: string, file: string, text: string): boolean {
  // An underscore ends a PascalCase name (_rpc_KVSet) but continues a snake_case one (kv_set_with…).
  if (new RegExp(`(?<![A-Za-z0-9])${escape(name)}(?![A-Za-z0-9])`).test(text)) return true;
  if (file.endsWith(".py")) return new RegExp(`(?<![A-Za-z0-9_])${escape(snakeName(name))}(?![A-Za-z0-9_])`).test(text);
  // A TypeScript test calls the TypeScript SDK (api.kvList) or, through the py-api probe plugin,
  // the Python SDK's method by its quoted name (probe.ok("kv_list", ...)).
  if (new RegExp(`["'\`]${escape(snakeName(name))}["'\`]`).test(text)) return true;
  return new RegExp(`\\bapi\\??\\.${escape(camelName(name))}(?![A-Za-z0-9_])`).test(text);
}

/** Test files, minus test doubles (support/ folders, fake_*.py): a fake host naming an RPC tests nothing. */
function isTestFile(relative: string): boolean {
  const parts = relative.split(path.sep);
  const inTestDir = parts.some((part) => part === "test" || part === "tests");
  const base = parts.at(-1)!;
  if (parts.includes("support") || /^fake[-_]/.test(base)) return false;
  const named = /\.test\.ts$|^test_.*\.py$|_test\.py$/.test(base);
  return (inTestDir || named) && /\.(ts|py)$/.test(base);
}

function testFiles(root: string, exclude: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) walk(relative);
      } else if (entry.isFile() && isTestFile(relative) && !exclude.has(relative)) {
        found.push(relative);
      }
    }
  };
  for (const start of TEST_ROOTS) walk(start);
  return found.sort();
}

/** Builds the report. `exclude` leaves more files out of the "tested" search. */
export function apiCoverage(options: { root?: string; exclude?: readonly string[] } = {}): CoverageReport {
  const root = options.root ?? ROOT;
  const names = readMethodList(root);
  const wire = new Set(PluginAPI.methods.map((method) => method.name));
  const implemented = backendMethods();
  for (const name of Object.keys(SERVED_BY_HOST)) if (wire.has(name)) implemented.add(name);
  const files = testFiles(root, new Set([COVERAGE_TEST, ...(options.exclude ?? [])])).map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));
  const methods = names.map((name): MethodCoverage => ({
    name,
    wire: wire.has(name),
    implemented: wire.has(name) && implemented.has(name),
    testedIn: wire.has(name) ? files.filter(({ file, text }) => mentions(name, file, text)).map(({ file }) => file) : [],
  }));
  const listed = new Set(names);
  return {
    methods,
    extraWire: [...wire].filter((name) => !listed.has(name)).sort(),
    totals: {
      methods: methods.length,
      wire: methods.filter((m) => m.wire).length,
      implemented: methods.filter((m) => m.implemented).length,
      tested: methods.filter((m) => m.testedIn.length > 0).length,
    },
  };
}

/** The report as docs/api-coverage.md. */
export function renderCoverage(report: CoverageReport): string {
  const { totals } = report;
  const pct = (n: number) => `${((100 * n) / totals.methods).toFixed(1)} %`;
  const mark = (yes: boolean) => (yes ? "✓" : "—");
  const lines = [
    "# Plugin API coverage",
    "",
    `Generated by \`node --import tsx scripts/api-coverage.ts\` from \`${METHOD_LIST}\` (Mattermost's`,
    "`plugin.API`, in `server/public/plugin/api.go` order). Do not edit by hand; rerun the script.",
    "",
    "- **wire**: an RPC of the `PluginAPI` service (`proto/polyplug/v1/api.proto`);",
    "- **host**: answered by the host (a handler in `createPluginAPIBackend`'s table, or a stream the",
    "  host runtime serves); every other wire RPC answers AppError 501;",
    "- **tested**: on the wire and named by at least one test file (TypeScript or Python tests,",
    "  fixture plugins, example tests) as the RPC (`KVList`), a TypeScript SDK call (`api.kvList`)",
    "  or, in Python, the SDK method (`kv_list`).",
    "",
    "| | methods | share |",
    "|---|---:|---:|",
    `| in Mattermost's plugin.API | ${totals.methods} | 100 % |`,
    `| on the wire | ${totals.wire} | ${pct(totals.wire)} |`,
    `| implemented by the host | ${totals.implemented} | ${pct(totals.implemented)} |`,
    `| tested | ${totals.tested} | ${pct(totals.tested)} |`,
    "",
  ];
  if (report.extraWire.length > 0) lines.push(`Wire RPCs that are not plugin.API methods: ${report.extraWire.map((n) => `\`${n}\``).join(", ")}.`, "");
  lines.push("| method | wire | host | tested |", "|---|:---:|:---:|:---:|");
  for (const m of report.methods) lines.push(`| ${m.name} | ${mark(m.wire)} | ${mark(m.implemented)} | ${mark(m.testedIn.length > 0)} |`);
  return `${lines.join("\n")}\n`;
}

/** The command: writes the report (to `args[0]`, or docs/api-coverage.md) and prints the totals. */
export function main(args: readonly string[] = process.argv.slice(2)): CoverageReport {
  const report = apiCoverage();
  const out = path.resolve(ROOT, args[0] ?? REPORT);
  writeFileSync(out, renderCoverage(report));
  const { totals } = report;
  process.stdout.write(`${path.relative(ROOT, out)}: ${totals.methods} methods, ${totals.wire} on the wire, ${totals.implemented} implemented, ${totals.tested} tested\n`);
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
