/**
 * Length in Unicode code points, as Go's utf8.RuneCountInString: Mattermost's field limits
 * ("at most 64 characters") count runes, not UTF-16 units, so an emoji counts as one.
 */
export function runes(s: string): number {
  return [...s].length;
}
