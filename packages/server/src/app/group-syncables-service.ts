/**
 * A group's links to teams and channels (Mattermost's GroupTeams / GroupChannels, "group
 * syncables"). Links are removed by setting delete_at and come back on an upsert. Linking a group
 * to a channel links it to the channel's team too (if it is not yet), unless that team is
 * group-constrained, where the group must already be linked to the team (as in app/group.go).
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import type { ChannelsService } from "./channels-service.js";
import type { GroupsService } from "./groups-service.js";
import { withDbErrors } from "./map-db-error.js";
import type { GroupSyncable, GroupSyncableType } from "./models/group.js";
import { isValidId } from "./new-id.js";
import type { TeamsService } from "./teams-service.js";
import type { GroupSyncablesTable } from "../store/schema.js";

export interface GroupSyncableInput {
  group_id: string;
  syncable_id: string;
  type: string;
  auto_add?: boolean;
  scheme_admin?: boolean;
  delete_at?: number;
}

export interface GroupSyncablesService {
  /** The link, removed or not; 404 `app.group.no_rows` when there never was one. */
  getGroupSyncable(groupId: string, syncableId: string, type: string): Promise<GroupSyncable>;
  /** The group's current links of one type. */
  getGroupSyncables(groupId: string, type: string): Promise<GroupSyncable[]>;
  /** Creates the link, or restores and updates a removed one. */
  upsertGroupSyncable(input: GroupSyncableInput): Promise<GroupSyncable>;
  /** Sets an existing link's auto_add, scheme_admin and delete_at (0 restores it). */
  updateGroupSyncable(input: GroupSyncableInput): Promise<GroupSyncable>;
  /** Removes a current link; removing a team link also removes the group's links to that team's channels. */
  deleteGroupSyncable(groupId: string, syncableId: string, type: string): Promise<GroupSyncable>;
}

export function requireSyncableType(type: string, where: string): GroupSyncableType {
  if (type !== "Team" && type !== "Channel") throw appError("model.group_syncable.type.app_error", { where, detailedError: `type=${type}` });
  return type;
}

function syncableFromRow(row: GroupSyncablesTable): GroupSyncable {
  return {
    group_id: row.group_id, syncable_id: row.syncable_id, type: row.type as GroupSyncableType, auto_add: row.auto_add !== 0,
    scheme_admin: row.scheme_admin !== 0, create_at: row.create_at, update_at: row.update_at, delete_at: row.delete_at,
  };
}

export function createGroupSyncablesService(ctx: AppContext, groups: GroupsService, teams: TeamsService, channels: ChannelsService): GroupSyncablesService {
  const db = () => ctx.db;
  const findRow = (groupId: string, syncableId: string, type: GroupSyncableType) =>
    db().selectFrom("group_syncables").selectAll().where("group_id", "=", groupId).where("syncable_id", "=", syncableId).where("type", "=", type).executeTakeFirst();
  // Mattermost answers its generic "no matching group" id here; the message says what is missing.
  const missing = (where: string, groupId: string, syncableId: string, type: string) =>
    appError("app.group.no_rows", { where, message: "The group is not linked to that team or channel.", detailedError: `group_id=${groupId} syncable_id=${syncableId} type=${type}` });

  function validate(input: GroupSyncableInput, where: string): GroupSyncableType {
    if (!isValidId(input.group_id)) throw appError("model.group_syncable.group_id.app_error", { where });
    if (!isValidId(input.syncable_id)) throw appError("model.group_syncable.syncable_id.app_error", { where });
    return requireSyncableType(input.type, where);
  }

  /** Creates or rewrites the row (the store part of an upsert). */
  async function writeRow(input: GroupSyncableInput, type: GroupSyncableType, where: string): Promise<GroupSyncable> {
    const now = ctx.now();
    const existing = await findRow(input.group_id, input.syncable_id, type);
    const row: GroupSyncablesTable = {
      group_id: input.group_id, syncable_id: input.syncable_id, type, auto_add: input.auto_add ? 1 : 0,
      scheme_admin: input.scheme_admin ? 1 : 0, create_at: existing?.create_at ?? now, update_at: now, delete_at: 0,
    };
    await withDbErrors(where, {}, async () => {
      if (existing) {
        await db().updateTable("group_syncables").set({ auto_add: row.auto_add, scheme_admin: row.scheme_admin, update_at: now, delete_at: 0 })
          .where("group_id", "=", row.group_id).where("syncable_id", "=", row.syncable_id).where("type", "=", type).execute();
      } else {
        await db().insertInto("group_syncables").values(row).execute();
      }
    });
    return syncableFromRow(row);
  }

  /** A channel link needs its team's: refused on a group-constrained team without one, else made. */
  async function ensureTeamLink(groupId: string, channelId: string, autoAdd: boolean, where: string): Promise<void> {
    const channel = await channels.getChannel(channelId);
    if (channel.type !== "O" && channel.type !== "P") throw appError("app.group.syncable_channel_type.app_error", { where });
    const team = await teams.getTeam(channel.team_id);
    const link = await findRow(groupId, team.id, "Team");
    if (link && link.delete_at === 0) return;
    if (team.group_constrained) throw appError("group_not_associated_to_synced_team", { where, detailedError: `group_id=${groupId} team_id=${team.id}` });
    // A new team link takes the channel link's auto_add (Mattermost's NewGroupTeam(…, AutoAdd)).
    await writeRow({ group_id: groupId, syncable_id: team.id, type: "Team", auto_add: autoAdd }, "Team", where);
  }

  const service: GroupSyncablesService = {
    async getGroupSyncable(groupId, syncableId, type) {
      const where = "GetGroupSyncable";
      const row = await findRow(groupId, syncableId, requireSyncableType(type, where));
      if (!row) throw missing(where, groupId, syncableId, type);
      return syncableFromRow(row);
    },

    async getGroupSyncables(groupId, type) {
      const kind = requireSyncableType(type, "GetGroupSyncables");
      await groups.getGroup(groupId);
      const rows = await db().selectFrom("group_syncables").selectAll().where("group_id", "=", groupId).where("type", "=", kind)
        .where("delete_at", "=", 0).orderBy("create_at").orderBy("syncable_id").execute();
      return rows.map(syncableFromRow);
    },

    async upsertGroupSyncable(input) {
      const where = "UpsertGroupSyncable";
      const type = validate(input, where);
      await groups.getGroup(input.group_id);
      if (type === "Team") await teams.getTeam(input.syncable_id);
      else await ensureTeamLink(input.group_id, input.syncable_id, input.auto_add ?? false, where);
      return writeRow(input, type, where);
    },

    async updateGroupSyncable(input) {
      const where = "UpdateGroupSyncable";
      const type = validate(input, where);
      const existing = await findRow(input.group_id, input.syncable_id, type);
      if (!existing) throw missing(where, input.group_id, input.syncable_id, type);
      // Restoring a channel link needs its team link back too, as an upsert would.
      if (type === "Channel" && (input.delete_at ?? 0) === 0 && existing.delete_at !== 0) await ensureTeamLink(input.group_id, input.syncable_id, input.auto_add ?? false, where);
      const now = ctx.now();
      const changes = { auto_add: input.auto_add ? 1 : 0, scheme_admin: input.scheme_admin ? 1 : 0, delete_at: input.delete_at ?? 0, update_at: now };
      await withDbErrors(where, {}, () => db().updateTable("group_syncables").set(changes)
        .where("group_id", "=", input.group_id).where("syncable_id", "=", input.syncable_id).where("type", "=", type).execute());
      return syncableFromRow({ ...existing, ...changes });
    },

    async deleteGroupSyncable(groupId, syncableId, type) {
      const where = "DeleteGroupSyncable";
      const kind = requireSyncableType(type, where);
      const existing = await findRow(groupId, syncableId, kind);
      if (!existing) throw missing(where, groupId, syncableId, type);
      if (existing.delete_at !== 0) throw appError("app.group.group_syncable_already_deleted", { where, detailedError: `group_id=${groupId} syncable_id=${syncableId}` });
      const now = ctx.now();
      await withDbErrors(where, {}, () =>
        db().transaction().execute(async (trx) => {
          await trx.updateTable("group_syncables").set({ delete_at: now, update_at: now })
            .where("group_id", "=", groupId).where("syncable_id", "=", syncableId).where("type", "=", kind).execute();
          if (kind === "Team") {
            await trx.updateTable("group_syncables").set({ delete_at: now, update_at: now })
              .where("group_id", "=", groupId).where("type", "=", "Channel").where("delete_at", "=", 0)
              .where("syncable_id", "in", trx.selectFrom("channels").select("id").where("team_id", "=", syncableId)).execute();
          }
        }),
      );
      return syncableFromRow({ ...existing, delete_at: now, update_at: now });
    },
  };
  return service;
}
