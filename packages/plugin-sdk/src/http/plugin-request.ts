import { Readable } from "node:stream";
import type { PluginContext } from "../models.js";

/** The head of a request as the host sends it (HTTPRequestInit, in plain values). */
export interface PluginRequestInit {
  method: string;
  /** Relative to the plugin: "/hits?x=1" for a request to /plugins/{id}/hits?x=1. */
  url: string;
  /** The path without the query: "/hits". */
  path: string;
  rawQuery?: string;
  /** Header names as the client sent them, each with all its values. */
  headers?: Record<string, string[]>;
  host?: string;
  remoteAddr?: string;
  requestUri?: string;
  /** -1 when unknown (chunked). */
  contentLength?: number;
  proto?: string;
  pluginContext?: PluginContext;
}

/** How a request pulls more body from its transport (for backpressure). */
export interface BodySource {
  /** The reader wants more: resume the transport if it was paused. */
  resume(): void;
}

const NO_SOURCE: BodySource = { resume() {} };

/**
 * An HTTP request to /plugins/{id}/…, as a Node Readable of its body: chunks arrive as the client
 * sends them (a handler may answer before the body has ended), and a handler that does not read
 * holds the client back instead of buffering the whole upload. `text()`, `json()` and `buffer()`
 * read it whole, as fetch's Request does.
 */
export class PluginRequest extends Readable {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  /** Lowercased names, values joined with ", " (as Node's IncomingMessage). */
  readonly headers: Readonly<Record<string, string>>;
  /** Original names with every value. */
  readonly rawHeaders: Readonly<Record<string, readonly string[]>>;
  readonly host: string;
  readonly remoteAddr: string;
  readonly requestUri: string;
  readonly contentLength: number;
  readonly proto: string;
  readonly pluginContext: PluginContext;
  readonly #source: BodySource;

  constructor(init: PluginRequestInit, source: BodySource = NO_SOURCE) {
    super();
    this.#source = source;
    this.method = init.method || "GET";
    this.path = init.path || "/";
    this.rawQuery = init.rawQuery ?? (init.url.includes("?") ? init.url.slice(init.url.indexOf("?") + 1) : "");
    this.url = init.url || (this.rawQuery ? `${this.path}?${this.rawQuery}` : this.path);
    this.query = new URLSearchParams(this.rawQuery);
    this.rawHeaders = init.headers ?? {};
    const headers: Record<string, string> = {};
    for (const [name, values] of Object.entries(this.rawHeaders)) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? values.join(", ") : `${headers[key]}, ${values.join(", ")}`;
    }
    this.headers = headers;
    this.host = init.host ?? "";
    this.remoteAddr = init.remoteAddr ?? "";
    this.requestUri = init.requestUri ?? this.url;
    this.contentLength = init.contentLength ?? -1;
    this.proto = init.proto || "HTTP/1.1";
    this.pluginContext = init.pluginContext ?? { session_id: "", request_id: "", ip_address: "", accept_language: "", user_agent: "" };
  }

  /** A header's value ("" values joined), case-insensitive; undefined when absent. */
  header(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  /** Every value of a header, case-insensitive. */
  headerValues(name: string): string[] {
    const key = name.toLowerCase();
    return Object.entries(this.rawHeaders).flatMap(([k, values]) => (k.toLowerCase() === key ? [...values] : []));
  }

  /** The user the host authenticated (its `Mattermost-User-Id` header), or "" when anonymous. */
  get userId(): string {
    return this.header("mattermost-user-id") ?? "";
  }

  /** The whole body. */
  async buffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The whole body as UTF-8 text. */
  async text(): Promise<string> {
    return (await this.buffer()).toString("utf8");
  }

  /** The whole body parsed as JSON. */
  async json<T = unknown>(): Promise<T> {
    return JSON.parse(await this.text()) as T;
  }

  override _read(): void {
    this.#source.resume();
  }
}
