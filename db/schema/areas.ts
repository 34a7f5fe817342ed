// The district hierarchy of a Finnish city: suurpiiri → peruspiiri → osa-alue → pienalue.
import type { RegisterAnnotations } from "./register";
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

export const AREA_LEVELS = ["major_district", "district", "sub_area", "small_area"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const areas = sqliteTable(
  "areas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    level: text("level", { enum: AREA_LEVELS }).notNull(),
    /** Unique only within its level (a district and a sub-area may both be "101"). */
    code: text("code").notNull(),
    nameFi: text("name_fi").notNull(),
    nameSv: text("name_sv"),
    parentId: integer("parent_id").references((): AnySQLiteColumn => areas.id),
    /** Validity as calendar dates (YYYY-MM-DD); null = since always / still valid. A former area has validUntil in the past. */
    validFrom: text("valid_from"),
    validUntil: text("valid_until"),
    /** The area's boundary as a GeoJSON Polygon or MultiPolygon (WGS84), from the boundary import; null when unknown. */
    boundary: text("boundary"),
    /** The boundary is a simplified drawing (the demo city), not an official polygon: the app says so. */
    boundaryApproximate: integer("boundary_approximate", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("areas_level_code_unique").on(t.level, t.code), index("areas_parent_idx").on(t.parentId)],
);

/** Processing register (db/schema/register.ts): what each table above holds of people. */
export const areasRegister: RegisterAnnotations = {
  areas: "none",
};
