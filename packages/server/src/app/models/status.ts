/** A user's presence (Mattermost's `model.Status`). */

export const USER_STATUSES = ["online", "away", "dnd", "offline"] as const;
export type UserStatusValue = (typeof USER_STATUSES)[number];

export interface UserStatus {
  user_id: string;
  status: UserStatusValue;
  /** True when the user chose the status (automatic presence then leaves it alone). */
  manual: boolean;
  last_activity_at: number;
  /** Seconds (not ms, as in Mattermost) at which a timed do-not-disturb ends; 0 for none. */
  dnd_end_time: number;
  /** During a timed dnd: the status it returns to when it ends (absent otherwise). */
  prev_status?: UserStatusValue;
}
