/**
 * Delivers the app's events to WebSocket connections, with Mattermost's visibility rules
 * (platform/web_conn.go ShouldSendEvent): only authenticated connections; `connection_id` and
 * `omit_connection_id`; `user_id` → that user only; `omit_users`; `channel_id` → current channel
 * members; `team_id` → current team members; `contains_sensitive_data` → system admins only.
 *
 * Membership is read from the store when the event is delivered, not when it was published, so a
 * user removed a moment ago no longer receives the channel's events. Events are delivered one at a
 * time in publication order, so every connection sees them in the order they happened.
 */
import type { App } from "../../app/app.js";
import type { WebSocketEvent } from "../../app/models/websocket-event.js";
import type { WebSocketConnection } from "./websocket-connection.js";

/** Connections and event delivery for one server. */
export class WebSocketHub {
  readonly #app: App;
  readonly #connections = new Set<WebSocketConnection>();
  readonly #unsubscribe: () => void;
  #queue: Promise<void> = Promise.resolve();
  readonly #onError: (error: unknown) => void;

  constructor(app: App, onError: (error: unknown) => void = () => {}) {
    this.#app = app;
    this.#onError = onError;
    this.#unsubscribe = app.events.subscribe((event) => {
      this.#queue = this.#queue.then(() => this.#deliver(event)).catch(this.#onError);
    });
  }

  /** Starts delivering to an authenticated connection (after its hello). */
  register(connection: WebSocketConnection): void {
    this.#connections.add(connection);
  }

  /** Whether the connection is registered (authenticated and not yet closed). */
  isRegistered(connection: WebSocketConnection): boolean {
    return this.#connections.has(connection);
  }

  /** Stops delivering; true when this was the user's last connection. */
  unregister(connection: WebSocketConnection): boolean {
    if (!this.#connections.delete(connection)) return false;
    return connection.userId !== "" && ![...this.#connections].some((c) => c.userId === connection.userId);
  }

  /** Connections currently registered (tests and diagnostics). */
  get size(): number {
    return this.#connections.size;
  }

  /** Resolves once every event published so far has been delivered (tests). */
  async flushed(): Promise<void> {
    await this.#queue;
  }

  /** Closes every connection and stops listening. */
  close(): void {
    this.#unsubscribe();
    for (const connection of this.#connections) connection.close(1001, "server shutting down");
    this.#connections.clear();
  }

  async #deliver(event: WebSocketEvent): Promise<void> {
    const b = event.broadcast;
    let targets = [...this.#connections].filter((c) => c.isOpen && c.session !== null && c.id !== b.omit_connection_id);
    if (b.connection_id) targets = targets.filter((c) => c.id === b.connection_id);
    if (b.user_id) targets = targets.filter((c) => c.userId === b.user_id);
    if (b.omit_users) targets = targets.filter((c) => !b.omit_users?.[c.userId]);
    if (targets.length === 0) return;
    if (!b.user_id && b.channel_id) {
      const members = new Set(await this.#memberIds("channel", b.channel_id));
      targets = targets.filter((c) => members.has(c.userId));
    } else if (!b.user_id && b.team_id) {
      const members = new Set(await this.#memberIds("team", b.team_id));
      targets = targets.filter((c) => members.has(c.userId));
    }
    if (b.contains_sensitive_data) {
      const admins = new Map<string, boolean>();
      for (const c of targets) if (!admins.has(c.userId)) admins.set(c.userId, await this.#app.users.isSystemAdmin(c.userId));
      targets = targets.filter((c) => admins.get(c.userId));
    }
    for (const connection of targets) {
      // A session that expired while connected stops receiving, as in Mattermost.
      const session = connection.session;
      if (session && session.expires_at !== 0 && session.expires_at <= Date.now()) {
        connection.close(1008, "session expired");
        continue;
      }
      connection.sendEvent(event);
    }
  }

  /** Connected users who are members right now (one query, never cached). */
  async #memberIds(kind: "channel" | "team", id: string): Promise<string[]> {
    const users = [...new Set([...this.#connections].map((c) => c.userId).filter((u) => u !== ""))];
    if (users.length === 0) return [];
    return kind === "channel" ? this.#app.channelMembers.filterMembers(id, users) : this.#app.teamMembers.filterMembers(id, users);
  }
}
