/**
 * Outgoing mail for a server with no SMTP client: each message is written as one RFC 5322 file,
 * `<dataDir>/mail/<epoch ms>-<id>.eml` (UTF-8 HTML body, base64), for a local relay or an admin to
 * pick up (`sendmail -t < file`). Always the spool, whatever EmailSettings.SMTPServer says: see
 * docs/system-api.md. Files land atomically (temp file + rename), so a reader never sees half
 * a message.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { appError } from "./app-error.js";
import { newId } from "./new-id.js";

export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly html: string;
}

/** One address, or several separated by commas, as Mattermost's SendMail accepts. */
const ADDRESS = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+$/;

/** Validates `mail` (Mattermost's ids) and spools it; returns the file written. */
export async function spoolMail(dir: string, mail: OutgoingMail, now: number): Promise<string> {
  const where = "SendMail";
  if (mail.to.trim() === "") throw appError("plugin_api.send_mail.missing_to", { where });
  if (mail.subject === "") throw appError("plugin_api.send_mail.missing_subject", { where });
  if (mail.html === "") throw appError("plugin_api.send_mail.missing_htmlbody", { where });
  const recipients = mail.to.split(",").map((a) => a.trim());
  if (recipients.some((a) => !ADDRESS.test(a))) throw appError("plugin_api.send_mail.invalid_to", { where, params: { To: mail.to } });

  const id = newId();
  const host = mail.from.split("@")[1]?.replace(/>$/, "") || "localhost";
  const lines = [
    `From: ${mail.from}`,
    `To: ${recipients.join(", ")}`,
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${new Date(now).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${id}@${host}>`,
    "MIME-Version: 1.0",
    'Content-Type: text/html; charset="UTF-8"',
    "Content-Transfer-Encoding: base64",
    "",
    ...(Buffer.from(mail.html, "utf8").toString("base64").match(/.{1,76}/g) ?? []),
    "",
  ];
  try {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${now}-${id}.eml`);
    await writeFile(`${file}.tmp`, lines.join("\r\n"), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
    return file;
  } catch (error) {
    throw appError("plugin_api.send_mail.spool.app_error", { where, detailedError: (error as Error).message, cause: error });
  }
}

/** A header value: as is when printable ASCII, else an RFC 2047 encoded word; never a line break. */
function encodeHeader(value: string): string {
  const flat = value.replace(/[\r\n]+/g, " ");
  return /^[\x20-\x7e]*$/.test(flat) ? flat : `=?UTF-8?B?${Buffer.from(flat, "utf8").toString("base64")}?=`;
}
