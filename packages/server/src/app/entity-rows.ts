/**
 * Store rows to app models, for the entities several services read (teams and channels): the
 * integer flags of the row become booleans, the type column its union. One place, so a column
 * added to the table is mapped once.
 */
import type { Channel, ChannelType } from "./models/channel.js";
import type { Team, TeamType } from "./models/team.js";
import type { ChannelsTable, TeamsTable } from "../store/schema.js";

export function channelFromRow(row: ChannelsTable): Channel {
  return { ...row, type: row.type as ChannelType, group_constrained: row.group_constrained === 1 };
}

export function teamFromRow(row: TeamsTable): Team {
  return { ...row, type: row.type as TeamType, allow_open_invite: row.allow_open_invite !== 0, group_constrained: row.group_constrained === 1 };
}
