/**
 * The app facade: every domain service, built once over one store and one set of hooks.
 *
 * REST handlers and the plugin API backend are thin adapters over these same services, so a
 * post created by a plugin and a post typed by a user follow one path and fire the same hooks.
 * Hooks are swappable after construction because the plugin host needs the app (as its API
 * backend) before it can itself be handed to the app.
 */
import type { AppContext } from "./app-context.js";
import { noopAppHooks, type AppHooks } from "./app-hooks.js";
import { createChannelsService, type ChannelsService } from "./channels-service.js";
import { createCommandsService, type CommandsService } from "./commands-service.js";
import { createKvService, type KvService } from "./kv-service.js";
import { createPostsService, type PostsService } from "./posts-service.js";
import { createSessionsService, type SessionsService } from "./sessions-service.js";
import { createTeamsService, type TeamsService } from "./teams-service.js";
import { createUsersService, type UsersService } from "./users-service.js";
import type { Db } from "../store/schema.js";

/** What the app is built from; everything else is derived. */
export interface AppOptions {
  /** The migrated store (from `createDatabase`). The app does not own it: close it yourself. */
  readonly db: Db;
  /** Defaults to {@link noopAppHooks}; replace later with {@link App.setHooks}. */
  readonly hooks?: AppHooks;
  /** Public base URL (no trailing slash), given to plugins in CommandArgs.site_url. */
  readonly siteUrl?: string;
  /** Server version reported to clients (X-Version-Id) and plugins. */
  readonly version: string;
  /** Clock in epoch ms; tests pass a counter to get distinct, ordered timestamps. */
  readonly now?: () => number;
}

/** The app core as REST handlers, the plugin API backend and tests see it. */
export interface App {
  readonly version: string;
  readonly siteUrl: string;
  readonly users: UsersService;
  readonly sessions: SessionsService;
  readonly teams: TeamsService;
  readonly channels: ChannelsService;
  readonly posts: PostsService;
  readonly kv: KvService;
  readonly commands: CommandsService;
  /** The hooks currently in force. */
  readonly hooks: AppHooks;
  /** Wires in the plugin host (or a fake); takes effect for the next operation. */
  setHooks(hooks: AppHooks): void;
}

/** Wires the services together (each gets only the services it calls). */
export function createApp(options: AppOptions): App {
  let hooks = options.hooks ?? noopAppHooks;
  const siteUrl = (options.siteUrl ?? "").replace(/\/+$/, "");
  const ctx: AppContext = { db: options.db, now: options.now ?? Date.now, hooks: () => hooks, siteUrl };

  const users = createUsersService(ctx);
  const sessions = createSessionsService(ctx, users);
  const teams = createTeamsService(ctx, users);
  const channels = createChannelsService(ctx, users, teams);
  const posts = createPostsService(ctx, channels);
  const kv = createKvService(ctx);
  const commands = createCommandsService(ctx, channels, posts);

  return {
    version: options.version,
    siteUrl,
    users, sessions, teams, channels, posts, kv, commands,
    get hooks() {
      return hooks;
    },
    setHooks(next) {
      hooks = next;
    },
  };
}
