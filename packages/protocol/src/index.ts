// Public surface of @polyplug/protocol: the generated contract plus the grpc-js adapter.
export * from "./gen/polyplug/v1/api_pb.js";
export * from "./gen/polyplug/v1/api_http_pb.js";
export * from "./gen/polyplug/v1/app_error_pb.js";
export * from "./gen/polyplug/v1/channel_pb.js";
export * from "./gen/polyplug/v1/bot_pb.js";
export * from "./gen/polyplug/v1/oauth_app_pb.js";
export * from "./gen/polyplug/v1/command_pb.js";
export * from "./gen/polyplug/v1/hooks_pb.js";
export * from "./gen/polyplug/v1/hooks_files_pb.js";
export * from "./gen/polyplug/v1/hooks_lifecycle_pb.js";
export * from "./gen/polyplug/v1/hooks_members_pb.js";
export * from "./gen/polyplug/v1/hooks_posts_pb.js";
export * from "./gen/polyplug/v1/hooks_system_pb.js";
export * from "./gen/polyplug/v1/hooks_users_pb.js";
export * from "./gen/polyplug/v1/member_pb.js";
export * from "./gen/polyplug/v1/channel_sidebar_pb.js";
export * from "./gen/polyplug/v1/channel_stats_pb.js";
export * from "./gen/polyplug/v1/file_info_pb.js";
export * from "./gen/polyplug/v1/api_files_pb.js";
export * from "./gen/polyplug/v1/emoji_pb.js";
export * from "./gen/polyplug/v1/property_field_pb.js";
export * from "./gen/polyplug/v1/property_value_pb.js";
export * from "./gen/polyplug/v1/property_group_pb.js";
export * from "./gen/polyplug/v1/group_pb.js";
export * from "./gen/polyplug/v1/group_member_pb.js";
export * from "./gen/polyplug/v1/group_syncable_pb.js";
export * from "./gen/polyplug/v1/api_groups_pb.js";
export * from "./gen/polyplug/v1/upload_session_pb.js";
export * from "./gen/polyplug/v1/reaction_pb.js";
export * from "./gen/polyplug/v1/preference_pb.js";
export * from "./gen/polyplug/v1/permission_pb.js";
export * from "./gen/polyplug/v1/session_pb.js";
export * from "./gen/polyplug/v1/user_access_token_pb.js";
export * from "./gen/polyplug/v1/http_pb.js";
export * from "./gen/polyplug/v1/plugin_context_pb.js";
export * from "./gen/polyplug/v1/post_pb.js";
export * from "./gen/polyplug/v1/post_list_pb.js";
export * from "./gen/polyplug/v1/post_search_results_pb.js";
export * from "./gen/polyplug/v1/search_params_pb.js";
export * from "./gen/polyplug/v1/team_pb.js";
export * from "./gen/polyplug/v1/team_member_with_error_pb.js";
export * from "./gen/polyplug/v1/team_stats_pb.js";
export * from "./gen/polyplug/v1/team_unread_pb.js";
export * from "./gen/polyplug/v1/user_pb.js";
export * from "./gen/polyplug/v1/status_pb.js";
export * from "./gen/polyplug/v1/custom_status_pb.js";
export * from "./gen/polyplug/v1/user_auth_pb.js";
export * from "./gen/polyplug/v1/user_get_options_pb.js";
export * from "./gen/polyplug/v1/user_search_pb.js";
export * as health from "./gen/grpc/health/v1/health_pb.js";
export * as goplugin from "./gen/plugin/grpc_controller_pb.js";
export * as gopluginStdio from "./gen/plugin/grpc_stdio_pb.js";
export { CHANNEL_OPTIONS, MAX_MESSAGE_BYTES, STREAM_CHUNK_BYTES } from "./channel-options.js";
export { toGrpcServiceDefinition, type ServiceDefinitionOptions } from "./grpc-service.js";
export { encodeMessage } from "./fast-binary.js";
export {
  createTypedClient,
  toGrpcImplementation,
  type ClientStreamingHandler,
  type ClientStreamingHandlers,
  type UnaryClient,
  type UnaryHandler,
  type UnaryHandlers,
} from "./typed-grpc.js";
export { HOOK_NAMES, WIRE_HOOK_NAMES, type HookName } from "./hook-names.js";
export { fromProto, toProto, toProtoInit } from "./model-codec.js";
