/** A user's client preference (Mattermost's `model.Preference`): a value under (category, name). */

/** Mattermost's limits (PreferenceCategoryMaxBytes, PreferenceNameMaxBytes, PreferenceValueMaxBytes). */
export const PREFERENCE_CATEGORY_MAX = 32;
export const PREFERENCE_NAME_MAX = 32;
export const PREFERENCE_VALUE_MAX = 2000;
/** Most preferences one request may save or delete (Mattermost's MaxPreferencesPerRequest is 100). */
export const PREFERENCES_PER_REQUEST_MAX = 100;

export interface Preference {
  user_id: string;
  category: string;
  name: string;
  value: string;
}
