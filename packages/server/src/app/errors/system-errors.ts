import type { CatalogueEntry } from "../app-error.js";

/** Error ids of the Plugin API's configuration, plugin management, server info, mail/push, audit, cluster events (Mattermost's ids where it has one). */
export const SYSTEM_ERRORS = {
  // Configuration
  "model.config.is_valid.app_error": { status: 400, message: "Invalid configuration: {{.Reason}}" },
  "app.save_config.app_error": { status: 500, message: "The configuration could not be saved; the server log has details." },
  "app.save_config.plugin_hook_error": { status: 400, message: "The plugin {{.PluginId}} refused the configuration: {{.Reason}}" },
  "app.system.get.app_error": { status: 500, message: "Unable to read the server's system properties." },
  // Mail and push (Mattermost's ids)
  "plugin_api.send_mail.missing_to": { status: 400, message: "Missing TO address." },
  "plugin_api.send_mail.missing_subject": { status: 400, message: "Missing email subject." },
  "plugin_api.send_mail.missing_htmlbody": { status: 400, message: "Missing HTML body." },
  "plugin_api.send_mail.invalid_to": { status: 400, message: "Invalid TO address: {{.To}}" },
  "plugin_api.send_mail.spool.app_error": { status: 500, message: "The email could not be written to the mail spool." },
  "api.push_notification.invalid.app_error": { status: 400, message: "Invalid push notification: {{.Reason}}" },
  "api.push_notifications.message.parse.app_error": { status: 500, message: "The push notification could not be queued." },
  // Interactive dialogs and toasts (Mattermost's ids)
  "interactive_message.decode_trigger_id.base64_decode_failed": { status: 400, message: "Failed to decode base64 for trigger ID for interactive dialog." },
  "interactive_message.decode_trigger_id.missing_data": { status: 400, message: "Trigger ID missing required data for interactive dialog." },
  "interactive_message.decode_trigger_id.expired": { status: 400, message: "Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of {{.Seconds}}s." },
  "interactive_message.decode_trigger_id.signature_decode_failed": { status: 400, message: "Failed to verify the signature of the trigger ID for interactive dialog." },
  "interactive_message.decode_trigger_id.verify_signature_failed": { status: 400, message: "Signature verification failed of trigger ID for interactive dialog." },
  "app.toast.send_toast_message.user_id.app_error": { status: 400, message: "A user id is required to send a toast." },
  "app.toast.send_toast_message.message.app_error": { status: 400, message: "A message is required to send a toast." },
  // Audit
  "app.audit.log_audit_rec.event_name.app_error": { status: 400, message: "An audit record needs an event_name." },
  "app.audit.log_audit_rec.level.app_error": { status: 400, message: "Unknown audit level {{.Level}}." },
  "app.audit.log_audit_rec.write.app_error": { status: 500, message: "The audit record could not be written." },
} as const satisfies Record<string, CatalogueEntry>;
