/**
 * One client's `/api/v4/websocket` connection, speaking Mattermost's protocol.
 *
 * Server → client: events `{event, data, broadcast, seq}` with `seq` counting 0, 1, 2… per
 * connection (the official client reconnects on any gap, so only delivered events are numbered;
 * `hello` is always 0), and responses `{status, seq_reply, data?, error?}` to client requests.
 * Client → server: `{action, seq, data}`; `authentication_challenge` (when the upgrade request
 * carried no session) must come first, and anything else before it fails with 401.
 */
import type { WebSocket } from "ws";
import type { AppError, AppErrorBody } from "../../app/app-error.js";
import type { Session } from "../../app/models/session.js";
import type { WebSocketEvent } from "../../app/models/websocket-event.js";

/** Past this many queued bytes, low-value events (typing, status) are dropped for this client. */
const SLOW_CLIENT_BYTES = 1024 * 1024;
/** Past this, the client is too slow to keep up at all and is disconnected (it will resync on reconnect). */
const STALLED_CLIENT_BYTES = 16 * 1024 * 1024;
const DROPPABLE = new Set(["typing", "status_change"]);

/** Per-connection state and framing; the hub decides what to send, the router what requests mean. */
export class WebSocketConnection {
  readonly id: string;
  readonly #socket: WebSocket;
  #session: Session | null = null;
  #sequence = 0;

  constructor(id: string, socket: WebSocket) {
    this.id = id;
    this.#socket = socket;
  }

  get session(): Session | null {
    return this.#session;
  }

  get userId(): string {
    return this.#session?.user_id ?? "";
  }

  get isOpen(): boolean {
    return this.#socket.readyState === this.#socket.OPEN;
  }

  /** Binds the connection to a session (after the upgrade's token or a challenge). */
  authenticate(session: Session): void {
    this.#session = session;
  }

  /** Sends an event with this connection's next sequence number; false when it was not sent. */
  sendEvent(event: WebSocketEvent): boolean {
    if (!this.isOpen) return false;
    if (this.#socket.bufferedAmount > STALLED_CLIENT_BYTES) {
      this.close(1008, "client too slow");
      return false;
    }
    if (this.#socket.bufferedAmount > SLOW_CLIENT_BYTES && DROPPABLE.has(event.event)) return false;
    this.#socket.send(JSON.stringify({ event: event.event, data: event.data, broadcast: event.broadcast, seq: this.#sequence }));
    this.#sequence += 1;
    return true;
  }

  /** Answers a request. */
  respond(seqReply: number, data?: Record<string, unknown>): void {
    this.#write({ status: "OK", seq_reply: seqReply, ...(data ? { data } : {}) });
  }

  /** Answers a request with an AppError (Mattermost's `status: "FAIL"`). */
  fail(seqReply: number, error: AppError): void {
    const body: AppErrorBody = error.toJSON();
    this.#write({ status: "FAIL", seq_reply: seqReply, error: body });
  }

  close(code = 1000, reason = ""): void {
    if (this.#socket.readyState === this.#socket.OPEN || this.#socket.readyState === this.#socket.CONNECTING) this.#socket.close(code, reason);
  }

  #write(message: object): void {
    if (this.isOpen) this.#socket.send(JSON.stringify(message));
  }
}

/** A client frame as received: a JSON object whose fields the router still has to check. */
export interface RawWebSocketRequest {
  action: unknown;
  seq: unknown;
  data: unknown;
}

/** Parses a client frame; null when it is not a JSON object. */
export function parseWebSocketRequest(raw: string): RawWebSocketRequest | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    const v = value as Record<string, unknown>;
    return { action: v["action"], seq: v["seq"], data: v["data"] };
  } catch {
    return null;
  }
}
