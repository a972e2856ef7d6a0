/**
 * One page of a property search (fields or values), as Mattermost's cursor paging: rows ordered by
 * (create_at, id), starting after the cursor — the previous page's last row — when one is given.
 */
import type { SelectQueryBuilder } from "kysely";
import type { PropertySearchCursor } from "./models/property.js";
import type { Schema } from "../store/schema.js";

type PagedTable = "property_fields" | "property_values";

export function searchPage<T extends PagedTable, O>(
  query: SelectQueryBuilder<Schema, T, O>,
  cursor: PropertySearchCursor | undefined,
  perPage: number,
): SelectQueryBuilder<Schema, T, O> {
  // Both tables have create_at and id; the cast tells Kysely so for the union.
  const q = query as unknown as SelectQueryBuilder<Schema, "property_fields", O>;
  const paged = (cursor ? q.where((eb) => eb.or([eb("create_at", ">", cursor.create_at), eb.and([eb("create_at", "=", cursor.create_at), eb("id", ">", cursor.id)])])) : q)
    .orderBy("create_at")
    .orderBy("id")
    .limit(perPage);
  return paged as unknown as SelectQueryBuilder<Schema, T, O>;
}
