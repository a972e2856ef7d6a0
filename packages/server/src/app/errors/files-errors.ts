import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's files, upload sessions, emoji (Mattermost's ids where it has one). */
export const FILES_ERRORS = {
  // Files
  "app.file_info.get_with_options.app_error": { status: 400, message: "Invalid file search options: sort_by must be \"CreateAt\" or \"Size\", page and per_page not negative." },
  "app.file.read.too_large_for_message.app_error": { status: 413, message: "The file ({{.Size}} bytes) does not fit in one Plugin API message (at most {{.Limit}} bytes); serve it over HTTP instead." },
  "api.file.read_file.app_error": { status: 404, message: "Unable to read the file: no file at that path in the file store." },
  "api.file.read_file.invalid_path.app_error": { status: 400, message: "Invalid file path: give a path relative to the file store, inside it." },
  "plugin_api.get_file_link.disabled.app_error": { status: 501, message: "Public links have been disabled: set FileSettings.EnablePublicLink to true in config.json." },
  "plugin_api.get_file_link.no_post.app_error": { status: 400, message: "Unable to get a public link for the file: it must be attached to a post." },
  "api.file.get_public_link.disabled.app_error": { status: 501, message: "Public links have been disabled." },
  "api.file.get_file.public_invalid.app_error": { status: 400, message: "The public link does not appear to be valid." },
  // Mattermost answers 403 with the plugin's reason as the message.
  "api.file.get_file.rejected_by_plugin.app_error": { status: 403, message: "File download rejected by plugin. {{.Reason}}" },
  // Custom emoji
  "api.emoji.disabled.app_error": { status: 501, message: "Custom emoji have been disabled: set ServiceSettings.EnableCustomEmoji to true in config.json." },
  "api.emoji.storage.app_error": { status: 501, message: "File storage is not configured, so custom emoji are unavailable." },
  "app.emoji.get.no_result": { status: 404, message: "Unable to find the emoji." },
  "app.emoji.get_by_name.no_result": { status: 404, message: "Unable to find the emoji." },
  "api.emoji.get_list.sort_by.app_error": { status: 400, message: "Invalid sort_by: use \"\" (creation order) or \"name\"." },
  "api.emoji.get_image.read.app_error": { status: 404, message: "Unable to read the image file for the emoji." },
  "model.emoji.name.app_error": { status: 400, message: "Name must be between 1 and 64 lowercase alphanumeric characters, or '-', '+' and '_'." },
  "model.emoji.system_emoji_name.app_error": { status: 400, message: "The name {{.Name}} is taken by a system emoji." },
  "model.emoji.user_id.app_error": { status: 400, message: "Invalid creator id." },
  "model.emoji.description.app_error": { status: 400, message: "Description must be at most 255 characters." },
  "api.emoji.create.duplicate.app_error": { status: 400, message: "Unable to create emoji. Another emoji with the name {{.Name}} exists." },
  "api.emoji.create.too_large.app_error": { status: 413, message: "Unable to create emoji. Image must be at most {{.Max}} bytes." },
  "api.emoji.upload.image.app_error": { status: 400, message: "Unable to create emoji. The image must be a PNG, GIF, JPEG or WebP file." },
  "api.emoji.create.other_user.app_error": { status: 403, message: "Invalid user id: you can only create emoji as yourself." },
  "api.emoji.create.parse.app_error": { status: 400, message: "Unable to create emoji. Send multipart/form-data with an 'emoji' JSON field and an 'image' file." },
  // Upload sessions
  "model.upload_session.is_valid.id.app_error": { status: 400, message: "Invalid upload session id (or remote_id / req_file_id)." },
  "model.upload_session.is_valid.type.app_error": { status: 400, message: "Invalid upload type: use \"attachment\" or \"import\"." },
  "model.upload_session.is_valid.user_id.app_error": { status: 400, message: "Invalid user id for the upload session." },
  "model.upload_session.is_valid.channel_id.app_error": { status: 400, message: "An attachment upload needs a valid channel id." },
  "model.upload_session.is_valid.filename.app_error": { status: 400, message: "The upload session needs a filename." },
  "model.upload_session.is_valid.file_size.app_error": { status: 400, message: "The upload session needs a file_size above 0." },
  "app.upload.create.upload_too_large.app_error": { status: 413, message: "Unable to upload file. File is larger than the maximum of {{.Max}} bytes." },
  "app.upload.create.incorrect_channel_id.app_error": { status: 400, message: "Unable to upload to the channel {{.channelId}}: it does not exist." },
  "app.upload.create.cannot_upload_to_deleted_channel.app_error": { status: 400, message: "Unable to upload to an archived channel." },
  "app.upload.create.save.app_error": { status: 409, message: "An upload session with that id already exists." },
  "app.upload.get.app_error": { status: 404, message: "Unable to find the upload session." },
  "app.upload.upload_data.concurrent.app_error": { status: 400, message: "Unable to upload data: another upload to this session is in progress." },
  "app.upload.upload_data.save.app_error": { status: 500, message: "Unable to save the uploaded data; the bytes written so far are kept." },
  "app.upload.upload_data.too_large.app_error": { status: 413, message: "Unable to upload data: the stream runs past the session's file_size." },
  "app.upload.upload_data.other_upload.app_error": { status: 400, message: "Every UploadData message of a stream must belong to the upload session its first message names." },
  "app.upload.upload_data.first_message.app_error": { status: 400, message: "The first UploadData message must name the upload session (upload_id)." },
} as const satisfies Record<string, CatalogueEntry>;
