/**
 * The app facade: every domain service, built once over one store and one set of hooks.
 *
 * REST handlers and the plugin API backend are thin adapters over these same services, so a
 * post created by a plugin and a post typed by a user follow one path and fire the same hooks.
 * Hooks are swappable after construction because the plugin host needs the app (as its API
 * backend) before it can itself be handed to the app.
 */
import { createAccessTokensService, type AccessTokensService } from "./access-tokens-service.js";
import type { AppContext } from "./app-context.js";
import { createAppEvents, type AppEvents } from "./app-events.js";
import { noopAppHooks, type AppHooks } from "./app-hooks.js";
import { createBotsService, type BotsService } from "./bots-service.js";
import { createChannelMembersService, type ChannelMembersService } from "./channel-members-service.js";
import { createFilesService, type FilesService } from "./files-service.js";
import { createPostChangesService, type PostChangesService } from "./post-changes-service.js";
import { createPreferencesService, type PreferencesService } from "./preferences-service.js";
import { createReactionsService, type ReactionsService } from "./reactions-service.js";
import { createStatusesService, type StatusesService } from "./statuses-service.js";
import { createTeamMembersService, type TeamMembersService } from "./team-members-service.js";
import { createUserProfilesService, type UserProfilesService } from "./user-profiles-service.js";
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
  /** Where uploaded files are stored (`<dataDir>/files`); without it uploads answer 501. */
  readonly filesDir?: string;
  /** The real-time event bus; one is created when omitted. */
  readonly events?: AppEvents;
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
  readonly postChanges: PostChangesService;
  readonly reactions: ReactionsService;
  readonly files: FilesService;
  readonly preferences: PreferencesService;
  readonly statuses: StatusesService;
  readonly accessTokens: AccessTokensService;
  readonly bots: BotsService;
  readonly channelMembers: ChannelMembersService;
  readonly teamMembers: TeamMembersService;
  readonly userProfiles: UserProfilesService;
  /** Real-time events published by every service (the WebSocket hub subscribes). */
  readonly events: AppEvents;
  /** The hooks currently in force. */
  readonly hooks: AppHooks;
  /** Wires in the plugin host (or a fake); takes effect for the next operation. */
  setHooks(hooks: AppHooks): void;
}

/** Wires the services together (each gets only the services it calls). */
export function createApp(options: AppOptions): App {
  let hooks = options.hooks ?? noopAppHooks;
  const siteUrl = (options.siteUrl ?? "").replace(/\/+$/, "");
  const events = options.events ?? createAppEvents();
  const ctx: AppContext = { db: options.db, now: options.now ?? Date.now, hooks: () => hooks, siteUrl, events };

  const users = createUsersService(ctx);
  const sessions = createSessionsService(ctx, users);
  const teams = createTeamsService(ctx, users);
  const channels = createChannelsService(ctx, users, teams);
  const posts = createPostsService(ctx, channels);
  const kv = createKvService(ctx);
  const commands = createCommandsService(ctx, channels, posts);
  const postChanges = createPostChangesService(ctx, channels, posts);
  const reactions = createReactionsService(ctx, channels, posts);
  const files = createFilesService(ctx, channels, options.filesDir);
  const preferences = createPreferencesService(ctx);
  const statuses = createStatusesService(ctx);
  const accessTokens = createAccessTokensService(ctx, users);
  const bots = createBotsService(ctx, users);
  const channelMembers = createChannelMembersService(ctx, users, channels);
  const teamMembers = createTeamMembersService(ctx, users, teams);
  const userProfiles = createUserProfilesService(ctx, users);

  return {
    version: options.version,
    siteUrl,
    users, sessions, teams, channels, posts, kv, commands,
    postChanges, reactions, files, preferences, statuses, accessTokens, bots, channelMembers, teamMembers, userProfiles, events,
    get hooks() {
      return hooks;
    },
    setHooks(next) {
      hooks = next;
    },
  };
}
