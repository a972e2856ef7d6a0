import type { EventEmitter } from "node:events";
import { create, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";

/**
 * What the streamed hooks need of a bidi call: grpc-js's ServerMessageStreamStream, or any object-mode
 * MessageStream (the test kit's). Events: data, end, drain, close, error, and grpc-js's cancelled.
 */
export interface MessageStream extends EventEmitter {
  write(message: unknown): boolean;
  end(): unknown;
  pause(): unknown;
  resume(): unknown;
}

/** Why a write failed after the exchange ended. */
export const EXCHANGE_GONE = "the exchange has ended (the client went away)";

/**
 * The plugin's side of a response stream: `send` writes one message and resolves when the stream
 * can take more ('drain'), which is how a fast writer is held back to the client's pace. After
 * `close()` (cancelled, broken, or finished) every send fails instead of waiting forever.
 */
export class StreamSink<Desc extends DescMessage> {
  readonly #call: MessageStream;
  readonly #schema: Desc;
  #closed = false;

  constructor(call: MessageStream, schema: Desc) {
    this.#call = call;
    this.#schema = schema;
  }

  get closed(): boolean {
    return this.#closed;
  }

  close(): void {
    this.#closed = true;
    this.#call.emit("sink-closed");
  }

  send(message: MessageInitShape<Desc>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#closed) return reject(new Error(EXCHANGE_GONE));
      if (this.#call.write(create(this.#schema, message))) return resolve();
      const settle = (error?: Error) => {
        this.#call.off("drain", onDrain);
        this.#call.off("close", onGone);
        this.#call.off("sink-closed", onGone);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => settle();
      const onGone = () => settle(new Error(EXCHANGE_GONE));
      this.#call.on("drain", onDrain);
      this.#call.on("close", onGone);
      this.#call.on("sink-closed", onGone);
    });
  }
}
