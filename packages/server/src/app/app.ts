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
import { createChannelGuardsService, type ChannelGuardsService } from "./channel-guards-service.js";
import { createChannelManagementService, type ChannelManagementService } from "./channel-management-service.js";
import { createChannelMemberSettingsService, type ChannelMemberSettingsService } from "./channel-member-settings-service.js";
import { createGroupChannelsService, type GroupChannelsService } from "./group-channels-service.js";
import { createGroupsService, type GroupsService } from "./groups-service.js";
import { createGroupSyncablesService, type GroupSyncablesService } from "./group-syncables-service.js";
import { createGroupMembershipsService, type GroupMembershipsService } from "./group-memberships-service.js";
import { createSidebarCategoriesService, type SidebarCategoriesService } from "./sidebar-categories-service.js";
import { createEmojiService, type EmojiService } from "./emoji-service.js";
import { defaultFileSettings, type FileSettings } from "./file-settings.js";
import { createFilesService, DEFAULT_MAX_FILE_BYTES, type FilesService } from "./files-service.js";
import { createUploadSessionsService, type UploadSessionsService } from "./upload-sessions-service.js";
import { createPostChangesService, type PostChangesService } from "./post-changes-service.js";
import { createPermissionsService, type PermissionsService } from "./permissions-service.js";
import { createPreferencesService, type PreferencesService } from "./preferences-service.js";
import { createPropertyFieldsService, type PropertyFieldsService } from "./property-fields-service.js";
import { createPropertyValuesService, type PropertyValuesService } from "./property-values-service.js";
import { createReactionsService, type ReactionsService } from "./reactions-service.js";
import { createPostSearchService, type PostSearchService } from "./post-search-service.js";
import { createEphemeralPostsService, type EphemeralPostsService } from "./ephemeral-posts-service.js";
import { createThreadMovesService, type ThreadMovesService } from "./thread-moves-service.js";
import { createStatusesService, type StatusesService } from "./statuses-service.js";
import { createTeamMembersService, type TeamMembersService } from "./team-members-service.js";
import { createTeamChangesService, type TeamChangesService } from "./team-changes-service.js";
import { createTeamIconsService, type TeamIconsService } from "./team-icons-service.js";
import { createTeamQueriesService, type TeamQueriesService } from "./team-queries-service.js";
import { createUserProfilesService, type UserProfilesService } from "./user-profiles-service.js";
import { createUserAccountsService, type UserAccountsService } from "./user-accounts-service.js";
import { createUserDirectoryService, type UserDirectoryService } from "./user-directory-service.js";
import { createCustomStatusService, type CustomStatusService } from "./custom-status-service.js";
import { createProfileImagesService, type ProfileImagesService } from "./profile-images-service.js";
import { createChannelsService, type ChannelsService } from "./channels-service.js";
import { createCommandsService, type CommandsService } from "./commands-service.js";
import { createKvService, type KvService } from "./kv-service.js";
import { createCustomCommandsService, type CustomCommandsService } from "./custom-commands-service.js";
import { createOAuthAppsService, type OAuthAppsService } from "./oauth-apps-service.js";
import { createSystemService, type SystemService } from "./system-service.js";
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
  /** FileSettings / ServiceSettings read at each use (public links, custom emoji, size limit). */
  readonly fileSettings?: () => FileSettings;
  /** The real-time event bus; one is created when omitted. */
  readonly events?: AppEvents;
  /** Whether custom (webhook) slash commands may call out (config.json ServiceSettings.EnableCommands); default no. */
  readonly customCommandsEnabled?: () => boolean;
  /** config.json's ServiceSettings, read at each use (OAuth provider switch, untrusted internal connections); default {}. */
  readonly serviceSettings?: () => Record<string, unknown>;
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
  readonly postSearch: PostSearchService;
  readonly ephemeralPosts: EphemeralPostsService;
  readonly threadMoves: ThreadMovesService;
  readonly files: FilesService;
  readonly emoji: EmojiService;
  readonly uploadSessions: UploadSessionsService;
  readonly preferences: PreferencesService;
  readonly statuses: StatusesService;
  readonly accessTokens: AccessTokensService;
  /** Role → permission checks (HasPermissionTo…, RolesGrantPermission). */
  readonly permissions: PermissionsService;
  readonly bots: BotsService;
  readonly channelMembers: ChannelMembersService;
  /** Archive, restore, update and the channel look-ups beyond getChannel. */
  readonly channelManagement: ChannelManagementService;
  /** Member roles and notification settings; members by ids or for a user. */
  readonly channelMemberSettings: ChannelMemberSettingsService;
  readonly groupChannels: GroupChannelsService;
  /** Plugins' claims on channels (RegisterChannelGuard). */
  readonly channelGuards: ChannelGuardsService;
  readonly sidebarCategories: SidebarCategoriesService;
  readonly teamMembers: TeamMembersService;
  /** Updating and archiving teams, bulk adds, member roles (Plugin API). */
  readonly teamChanges: TeamChangesService;
  /** All teams, search, a user's memberships, unreads and team stats (Plugin API). */
  readonly teamQueries: TeamQueriesService;
  readonly teamIcons: TeamIconsService;
  readonly userProfiles: UserProfilesService;
  /** Account administration for trusted callers: replace, (de)activate, roles, auth. */
  readonly userAccounts: UserAccountsService;
  /** Listing and searching users with Mattermost's options. */
  readonly userDirectory: UserDirectoryService;
  readonly customStatuses: CustomStatusService;
  readonly profileImages: ProfileImagesService;
  /** Server-wide facts (install date, telemetry id) and signed trigger ids. */
  readonly system: SystemService;
  /** Custom (webhook) slash commands. */
  readonly customCommands: CustomCommandsService;
  readonly oauthApps: OAuthAppsService;
  /** Property groups and fields (Plugin API properties). */
  readonly propertyFields: PropertyFieldsService;
  readonly propertyValues: PropertyValuesService;
  /** User groups and their members. */
  readonly groups: GroupsService;
  /** Groups' links to teams and channels. */
  readonly groupSyncables: GroupSyncablesService;
  /** Team/channel membership derived from groups (auto-add, group-constrained removal). */
  readonly groupMemberships: GroupMembershipsService;
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
  const system = createSystemService(ctx);
  const serviceSettings: () => Record<string, unknown> = options.serviceSettings ?? (() => ({}));
  const commands = createCommandsService(ctx, channels, posts, system, options.customCommandsEnabled, serviceSettings);
  const customCommands = createCustomCommandsService(ctx, options.customCommandsEnabled);
  const oauthApps = createOAuthAppsService(ctx, () => serviceSettings()["EnableOAuthServiceProvider"] === true);
  const postChanges = createPostChangesService(ctx, channels, posts);
  const reactions = createReactionsService(ctx, channels, posts);
  const postSearch = createPostSearchService(ctx);
  const ephemeralPosts = createEphemeralPostsService(ctx);
  const threadMoves = createThreadMovesService(ctx, channels);
  const fileSettings = options.fileSettings ?? defaultFileSettings(DEFAULT_MAX_FILE_BYTES);
  const files = createFilesService(ctx, channels, options.filesDir, fileSettings);
  const emoji = createEmojiService(ctx, options.filesDir, fileSettings);
  const uploadSessions = createUploadSessionsService(ctx, channels, files, options.filesDir, fileSettings);
  const preferences = createPreferencesService(ctx);
  const statuses = createStatusesService(ctx);
  const accessTokens = createAccessTokensService(ctx, users);
  const permissions = createPermissionsService(ctx);
  const bots = createBotsService(ctx, users, kv);
  const channelMembers = createChannelMembersService(ctx, users, channels);
  const channelManagement = createChannelManagementService(ctx, channels, teams);
  const channelMemberSettings = createChannelMemberSettingsService(ctx, channels);
  const groupChannels = createGroupChannelsService(ctx, users);
  const channelGuards = createChannelGuardsService(ctx);
  const sidebarCategories = createSidebarCategoriesService(ctx, users, teams);
  const teamMembers = createTeamMembersService(ctx, users, teams);
  const teamChanges = createTeamChangesService(ctx, teams);
  const teamQueries = createTeamQueriesService(ctx, teams);
  const teamIcons = createTeamIconsService(ctx, teams, options.filesDir);
  const userProfiles = createUserProfilesService(ctx, users);
  const userAccounts = createUserAccountsService(ctx, users, userProfiles, sessions, permissions);
  const userDirectory = createUserDirectoryService(ctx);
  const customStatuses = createCustomStatusService(ctx, users);
  const profileImages = createProfileImagesService(ctx, users);
  const propertyFields = createPropertyFieldsService(ctx);
  const propertyValues = createPropertyValuesService(ctx);
  const groups = createGroupsService(ctx);
  const groupSyncables = createGroupSyncablesService(ctx, groups, teams, channels);
  const groupMemberships = createGroupMembershipsService(ctx, teams, channels, teamMembers, channelMembers);

  return {
    version: options.version,
    siteUrl,
    users, sessions, teams, channels, posts, kv, commands, customCommands, oauthApps,
    postChanges, reactions, postSearch, ephemeralPosts, threadMoves, files, emoji, uploadSessions, preferences, statuses, accessTokens, permissions, bots, channelMembers, channelManagement, channelMemberSettings, groupChannels, channelGuards, sidebarCategories, teamMembers, teamChanges, teamQueries, teamIcons, userProfiles, userAccounts, userDirectory, customStatuses, profileImages, propertyFields, propertyValues, system, events,
    groups, groupSyncables, groupMemberships,
    get hooks() {
      return hooks;
    },
    setHooks(next) {
      hooks = next;
    },
  };
}
