// Simplified boundaries for the demo city's areas: APPROXIMATE drawings, not the official polygons.
// The eight major districts are boxes laid out roughly as Helsinki's lie (south row by the sea,
// north row inland); each area's box is cut into strips for the areas below it (districts side by
// side, sub-areas stacked, small areas side by side again), so every child lies inside its parent
// and the placement of a point agrees on all four levels. They are stored marked approximate, and
// the app and the README say so. A real city imports its published GeoJSON instead.
import { eq } from "drizzle-orm";
import type { Polygon } from "geojson";
import { areas } from "../schema";
import { DEMO_CITY_AREAS, areaKey, requireAreaId, type AreaIds, type DbOrTx } from "./areas";

type Box = { south: number; west: number; north: number; east: number };

/** Major districts by code: [south, west, north, east]. */
const MAJOR_BOXES: Record<string, [number, number, number, number]> = {
  "1": [60.145, 24.86, 60.195, 24.94],
  "3": [60.145, 24.94, 60.215, 25.0],
  "6": [60.145, 25.0, 60.215, 25.08],
  "7": [60.17, 25.08, 60.235, 25.18],
  "2": [60.195, 24.83, 60.255, 24.94],
  "4": [60.215, 24.94, 60.275, 25.0],
  "5": [60.215, 25.0, 60.275, 25.08],
  "8": [60.235, 25.08, 60.285, 25.2],
};

const LEVELS = ["major_district", "district", "sub_area", "small_area"] as const;

const polygonOf = (b: Box): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [b.west, b.south],
      [b.east, b.south],
      [b.east, b.north],
      [b.west, b.north],
      [b.west, b.south],
    ].map(([lng, lat]) => [round(lng!), round(lat!)]),
  ],
});
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Every demo area's approximate box, by level and code. */
export function demoAreaBoxes(): Map<string, Box> {
  const boxes = new Map<string, Box>();
  type Node = (typeof DEMO_CITY_AREAS)[number];
  const visit = (node: Node, depth: number, box: Box) => {
    boxes.set(areaKey(LEVELS[depth]!, node.code), box);
    const children = node.children ?? [];
    children.forEach((child, i) => {
      // Odd depths stack their children north to south, even depths put them west to east.
      const share = (from: number, to: number) =>
        [from + ((to - from) * i) / children.length, from + ((to - from) * (i + 1)) / children.length] as const;
      if (depth % 2 === 1) {
        const [north, south] = share(box.north, box.south);
        visit(child, depth + 1, { ...box, north, south });
      } else {
        const [west, east] = share(box.west, box.east);
        visit(child, depth + 1, { ...box, west, east });
      }
    });
  };
  for (const major of DEMO_CITY_AREAS) {
    const [south, west, north, east] = MAJOR_BOXES[major.code]!;
    visit(major, 0, { south, west, north, east });
  }
  return boxes;
}

/** Writes the boxes as the areas' boundaries, marked approximate. */
export function seedAreaBoundaries(db: DbOrTx, ids: AreaIds): void {
  for (const [key, box] of demoAreaBoxes()) {
    const [level, code] = key.split(":") as [(typeof LEVELS)[number], string];
    db.update(areas)
      .set({ boundary: JSON.stringify(polygonOf(box)), boundaryApproximate: true })
      .where(eq(areas.id, requireAreaId(ids, level, code)))
      .run();
  }
}
