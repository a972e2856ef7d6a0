/**
 * A bare Mattermost WebSocket client over `ws` for protocol tests: it records every frame and
 * lets a test wait for the event or response it expects (the official client is exercised in
 * mattermost-client-e2e.test.ts).
 */
import WebSocket from "ws";

export interface WsEvent {
  event: string;
  data: Record<string, any>;
  broadcast: Record<string, any>;
  seq: number;
}

export interface WsResponse {
  status: "OK" | "FAIL";
  seq_reply: number;
  data?: Record<string, any>;
  error?: { id: string; status_code: number; message: string };
}

export class WsClient {
  readonly events: WsEvent[] = [];
  readonly responses: WsResponse[] = [];
  #seq = 1;
  #waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (raw) => {
      const message = JSON.parse(raw.toString());
      if ("seq_reply" in message) this.responses.push(message);
      else this.events.push(message);
      this.#wake();
    });
    socket.on("close", () => {
      this.closed = true;
      this.#wake();
    });
  }

  /** Opens `/api/v4/websocket`; `token` goes in the Authorization header when given. */
  static connect(baseUrl: string, token?: string): Promise<WsClient> {
    const url = `${baseUrl.replace(/^http/, "ws")}/api/v4/websocket`;
    const socket = new WebSocket(url, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    return new Promise((resolve, reject) => {
      const client = new WsClient(socket);
      socket.once("open", () => resolve(client));
      socket.once("error", reject);
    });
  }

  /** Sends a request and waits for its response. */
  async request(action: string, data: Record<string, unknown> = {}): Promise<WsResponse> {
    const seq = this.#seq++;
    this.socket.send(JSON.stringify({ action, seq, data }));
    return this.waitFor(() => this.responses.find((r) => r.seq_reply === seq));
  }

  /** Sends a raw frame (for malformed-input tests). */
  sendRaw(text: string): void {
    this.socket.send(text);
  }

  /** The first event (after `from`) matching `match`, waiting up to `ms`. */
  nextEvent(match: (e: WsEvent) => boolean, from = 0, ms = 10_000): Promise<WsEvent> {
    return this.waitFor(() => this.events.slice(from).find(match), ms);
  }

  /** Events named `name`. */
  named(name: string): WsEvent[] {
    return this.events.filter((e) => e.event === name);
  }

  async waitFor<T>(check: () => T | undefined, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`not received in time; events so far: ${this.events.map((e) => e.event).join(", ")}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
