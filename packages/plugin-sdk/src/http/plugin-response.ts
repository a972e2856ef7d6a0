import { Writable } from "node:stream";
import type { MessageInitShape } from "@bufbuild/protobuf";
import { STREAM_CHUNK_BYTES, type ServeHTTPResponseSchema } from "@polyplug/protocol";

/** One message of the response stream (ServeHTTPResponse). */
export type ResponseMessage = MessageInitShape<typeof ServeHTTPResponseSchema>;

/** Where a response goes: the gRPC stream, or the test kit's recorder. */
export interface ResponseSink {
  /** Sends one message; resolves once the transport has taken it (that is the backpressure). */
  send(message: ResponseMessage): Promise<void>;
}

// Markers written through the Writable so that head and flush keep their place among the data.
const HEAD = Buffer.alloc(0);
const FLUSH = Buffer.alloc(0);

/**
 * The response to a ServeHTTP call, as a Node Writable. Set headers, then `writeHead` (or just
 * write: status 200). Every call sends at once: `writeHead` the status and headers, `write` its
 * data in messages of at most 64 KiB, `flush()` asks the host to push what it holds to the client
 * now, `end()` completes the response. `write` returns false while the host is behind, as any
 * Writable does, so `pipeline(source, res)` streams with backpressure.
 */
export class PluginResponse extends Writable {
  statusCode = 200;
  readonly #headers = new Map<string, { name: string; values: string[] }>();
  readonly #sink: ResponseSink;
  #headSent = false;
  #headerWritten = false;

  constructor(sink: ResponseSink) {
    super({ decodeStrings: true });
    this.#sink = sink;
  }

  /** Whether the status and headers are fixed (writeHead or a first write happened). */
  get headersSent(): boolean {
    return this.#headerWritten;
  }

  setHeader(name: string, value: string | number | readonly string[]): this {
    this.#assertHeadersOpen(name);
    this.#headers.set(name.toLowerCase(), { name, values: Array.isArray(value) ? [...(value as string[])] : [String(value)] });
    return this;
  }

  /** Adds a value to a header (e.g. a second Set-Cookie). */
  appendHeader(name: string, value: string): this {
    this.#assertHeadersOpen(name);
    const existing = this.#headers.get(name.toLowerCase());
    if (existing) existing.values.push(value);
    else this.#headers.set(name.toLowerCase(), { name, values: [value] });
    return this;
  }

  getHeader(name: string): string | undefined {
    return this.#headers.get(name.toLowerCase())?.values.join(", ");
  }

  hasHeader(name: string): boolean {
    return this.#headers.has(name.toLowerCase());
  }

  removeHeader(name: string): void {
    this.#assertHeadersOpen(name);
    this.#headers.delete(name.toLowerCase());
  }

  /** Fixes the status (and more headers) and sends them now. */
  writeHead(statusCode: number, headers: Record<string, string | number | readonly string[]> = {}): this {
    for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
    this.statusCode = statusCode;
    this.#headerWritten = true;
    this.write(HEAD);
    return this;
  }

  /** Sends the status and headers now, without data. */
  flushHeaders(): void {
    if (!this.#headerWritten) this.writeHead(this.statusCode);
  }

  /** Asks the host to push everything written so far to the client now. */
  flush(): void {
    this.#headerWritten = true;
    this.write(FLUSH);
  }

  /** Sends `value` as JSON (with a Content-Type unless one is set) and ends the response. */
  json(value: unknown, statusCode?: number): this {
    if (!this.hasHeader("content-type")) this.setHeader("Content-Type", "application/json");
    if (statusCode !== undefined) this.statusCode = statusCode;
    this.end(JSON.stringify(value));
    return this;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#headerWritten = true;
    this.#sendChunk(chunk).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#headerWritten = true;
    this.#sendHead()
      .then(() => this.#sink.send({ bodyComplete: true }))
      .then(() => callback(), callback);
  }

  async #sendChunk(chunk: Buffer): Promise<void> {
    await this.#sendHead();
    if (chunk === FLUSH) return this.#sink.send({ flush: true });
    for (let offset = 0; offset < chunk.length; offset += STREAM_CHUNK_BYTES) {
      await this.#sink.send({ bodyChunk: chunk.subarray(offset, offset + STREAM_CHUNK_BYTES) });
    }
  }

  async #sendHead(): Promise<void> {
    if (this.#headSent) return;
    this.#headSent = true;
    const headers = [...this.#headers.values()].map(({ name, values }) => ({ key: name, values }));
    await this.#sink.send({ init: { statusCode: this.statusCode, headers } });
  }

  #assertHeadersOpen(name: string): void {
    if (this.#headerWritten) throw new Error(`cannot set header ${name}: the headers were already sent (set headers before writeHead/write)`);
  }
}
