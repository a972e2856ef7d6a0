/**
 * The app's outbox for real-time events: services publish, transports (the WebSocket hub)
 * subscribe.
 *
 * Services only say *what* happened and *who may see it* (the broadcast); delivery — which
 * connections, whether the user is still a channel member — is the hub's job, so the app never
 * holds sockets and tests can observe events without a network. Publishing never throws into the
 * operation that published: a broken listener is isolated and reported to `onListenerError`.
 */
import type { WebSocketEvent } from "./models/websocket-event.js";

/** Receives every published event, synchronously and in publication order. */
export type AppEventListener = (event: WebSocketEvent) => void;

/** Publish/subscribe for {@link WebSocketEvent}s. */
export interface AppEvents {
  publish(event: WebSocketEvent): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: AppEventListener): () => void;
}

/** An in-process event bus; `onListenerError` defaults to ignoring (listeners log their own failures). */
export function createAppEvents(onListenerError: (error: unknown) => void = () => {}): AppEvents {
  const listeners = new Set<AppEventListener>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
