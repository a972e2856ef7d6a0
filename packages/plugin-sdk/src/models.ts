import type { JsonObject, Message } from "@bufbuild/protobuf";
import type * as pb from "@polyplug/protocol";

/**
 * Plugin code sees Mattermost's JSON, not protobuf: snake_case keys (`channel_id`), millisecond
 * numbers (`create_at`), `props` as a plain object. The wire contract's field names ARE those JSON
 * names, so every model type is derived from the generated message type instead of written by
 * hand: a field added to a .proto shows up here (and in every hook and API signature) by itself.
 * At run time the conversion is `toProto`/`fromProto` from @polyplug/protocol, which uses the
 * real proto field names; the type-level camelCase → snake_case mapping below matches them for
 * every name of the form `word_word` (all of Mattermost's).
 */

/** `createAt` → `create_at`: protobuf-es's local names turned back into the proto (JSON) names. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** The keys of a generated message type that are data (not `$typeName` / `$unknown`). */
type DataKey<M> = Exclude<keyof M, `$${string}`> & string;

/** A message as plugin code receives it: every field present, Mattermost's JSON names. */
export type Model<M extends Message> = {
  -readonly [K in DataKey<M> as SnakeCase<K>]: ModelValue<M[K]>;
};

type ModelValue<V> = V extends bigint
  ? number
  : V extends Uint8Array
    ? Uint8Array
    : V extends Message
      ? Model<V>
      : V extends readonly (infer E)[]
        ? ModelValue<E>[]
        : V extends JsonObject
          ? V
          : V extends { [key: string]: infer E }
            ? { [key: string]: ModelValue<E> }
            : V;

/**
 * A message as plugin code may write it: every field optional (unset fields take the proto
 * defaults), bytes also as a string (UTF-8), nested messages partial too.
 */
export type ModelInit<M extends Message> = {
  -readonly [K in DataKey<M> as SnakeCase<K>]?: ModelInitValue<M[K]>;
};

type ModelInitValue<V> = V extends bigint
  ? number
  : V extends Uint8Array
    ? Uint8Array | string
    : V extends Message
      ? ModelInit<V>
      : V extends readonly (infer E)[]
        ? ModelInitValue<E>[]
        : V extends JsonObject
          ? V
          : V extends { [key: string]: infer E }
            ? { [key: string]: ModelInitValue<E> }
            : V;

/** Mattermost's `model.Post`. `props` and `metadata` travel whole in both directions. */
export type Post = Model<pb.Post>;
/** Mattermost's `model.User`, sanitized by the host (no password hash, no MFA secret). */
export type User = Model<pb.User>;
/** Mattermost's `model.Channel`; `type` is "O", "P", "D" or "G". */
export type Channel = Model<pb.Channel>;
/** Mattermost's `model.Team`; `type` is "O" or "I". */
export type Team = Model<pb.Team>;
/** A slash command registration (`model.Command`). */
export type Command = Model<pb.Command>;
/** One execution of a slash command (`model.CommandArgs`). */
export type CommandArgs = Model<pb.CommandArgs>;
/** What a slash command answers (`model.CommandResponse`); `response_type` "ephemeral" or "in_channel". */
export type CommandResponse = Model<pb.CommandResponse>;
/** The request behind a hook call (Mattermost's `plugin.Context`). */
export type PluginContext = Model<pb.PluginContext>;
/** Mattermost's `model.ChannelMember`. */
export type ChannelMember = Model<pb.ChannelMember>;
/** Mattermost's `model.TeamMember`. */
export type TeamMember = Model<pb.TeamMember>;
/** Mattermost's `model.Reaction`. */
export type Reaction = Model<pb.Reaction>;
/** Mattermost's `model.FileInfo`. */
export type FileInfo = Model<pb.FileInfo>;
/** A file a plugin hands back from GenerateSupportData (`model.FileData`). */
export type FileData = Model<pb.FileData>;
/** Mattermost's `model.Preference`. */
export type Preference = Model<pb.Preference>;
