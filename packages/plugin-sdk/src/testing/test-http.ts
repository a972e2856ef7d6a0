import type { ServeHTTPResponse } from "@polyplug/protocol";

/** An HTTP request for HookInvoker.serveHttp. */
export interface TestHttpRequest {
  method?: string;
  /** Path below /plugins/{id}, with an optional query: "/hits?x=1". */
  path?: string;
  headers?: Record<string, string | string[]>;
  /** The body, whole or as chunks arriving over time (to test streaming handlers). */
  body?: string | Uint8Array | AsyncIterable<Uint8Array | string>;
}

/** What the plugin answered, as the host would have forwarded it. */
export interface TestHttpResponse {
  /** 200 when the plugin set none (status 0 on the wire). */
  readonly status: number;
  /** Header names as the plugin set them, each with all its values. */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer;
  /** How many times the plugin flushed. */
  readonly flushes: number;
  /** Whether the plugin completed the response (body_complete), rather than just stopping. */
  readonly complete: boolean;
  /** The response stream's messages as the plugin sent them. */
  readonly messages: readonly ServeHTTPResponse[];
  /** A header's values joined with ", ", case-insensitive. */
  header(name: string): string | undefined;
  text(): string;
  json<T = unknown>(): T;
}

/** Assembles the response from the plugin's ServeHTTPResponse messages. */
export function collectHttpResponse(raw: readonly unknown[]): TestHttpResponse {
  const messages = raw as readonly ServeHTTPResponse[];
  const init = messages.find((m) => m.init)?.init;
  const headers: Record<string, string[]> = {};
  for (const header of init?.headers ?? []) (headers[header.key] ??= []).push(...header.values);
  const body = Buffer.concat(messages.map((m) => Buffer.from(m.bodyChunk)));
  return {
    status: init ? init.statusCode || 200 : 0,
    headers,
    body,
    flushes: messages.filter((m) => m.flush).length,
    complete: messages.some((m) => m.bodyComplete),
    messages,
    header: (name) => Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1].join(", "),
    text: () => body.toString("utf8"),
    json: <T,>() => JSON.parse(body.toString("utf8")) as T,
  };
}
