// The geometry of map observations: reading area boundaries (GeoJSON Polygon / MultiPolygon with
// holes), placing a point in them with @turf/boolean-point-in-polygon (never hand-written
// geometry), coarsening a point to a ~50 m grid so no public point marks a home, and the simple
// server-side grid clustering of the public map. Pure module: the map component shares it.
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";

export type Boundary = Polygon | MultiPolygon;
export type LatLng = { lat: number; lng: number };

/** The demo city and Finland sit well inside these; anything outside is a typing error. */
export const isPlausiblePoint = (p: LatLng) =>
  Number.isFinite(p.lat) && Number.isFinite(p.lng) && p.lat >= -90 && p.lat <= 90 && p.lng >= -180 && p.lng <= 180;

const isPosition = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length >= 2 && v.every((n) => typeof n === "number" && Number.isFinite(n));
const isRing = (v: unknown) =>
  Array.isArray(v) && v.length >= 4 && v.every(isPosition) && v[0][0] === v[v.length - 1][0] && v[0][1] === v[v.length - 1][1];
const isPolygonRings = (v: unknown) => Array.isArray(v) && v.length >= 1 && v.every(isRing);

/** A GeoJSON geometry (or a Feature holding one) as a boundary, or null when it is not a valid polygon. */
export function readBoundary(value: unknown): Boundary | null {
  if (!value || typeof value !== "object") return null;
  const v = value as { type?: unknown; coordinates?: unknown; geometry?: unknown };
  if (v.type === "Feature") return readBoundary(v.geometry);
  if (v.type === "Polygon" && isPolygonRings(v.coordinates))
    return { type: "Polygon", coordinates: v.coordinates as Polygon["coordinates"] };
  if (v.type === "MultiPolygon" && Array.isArray(v.coordinates) && v.coordinates.length >= 1 && v.coordinates.every(isPolygonRings))
    return { type: "MultiPolygon", coordinates: v.coordinates as MultiPolygon["coordinates"] };
  return null;
}

/** A stored boundary (JSON text) or null. */
export function parseBoundary(text: string | null): Boundary | null {
  if (!text) return null;
  try {
    return readBoundary(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Is the point inside the boundary? Holes are outside; a point on an edge counts as inside. */
export function boundaryContains(boundary: Boundary, p: LatLng): boolean {
  return booleanPointInPolygon([p.lng, p.lat], boundary);
}

/** How many corner points a boundary has (the import preview tells it). */
export function boundaryPointCount(boundary: Boundary): number {
  const polygons = boundary.type === "Polygon" ? [boundary.coordinates] : boundary.coordinates;
  return polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
}

/** The middle of a boundary's box: where an observation without a point is drawn, and where a map centres. */
export function boundaryCentre(boundary: Boundary): LatLng {
  const box = boundsOf([boundary]);
  return { lat: (box.south + box.north) / 2, lng: (box.west + box.east) / 2 };
}

export type Bounds = { south: number; west: number; north: number; east: number };
export function boundsOf(boundaries: Boundary[]): Bounds {
  const box = { south: 90, west: 180, north: -90, east: -180 };
  for (const b of boundaries) {
    const polygons = b.type === "Polygon" ? [b.coordinates] : b.coordinates;
    for (const rings of polygons)
      for (const [lng, lat] of rings[0] ?? []) {
        box.south = Math.min(box.south, lat);
        box.north = Math.max(box.north, lat);
        box.west = Math.min(box.west, lng);
        box.east = Math.max(box.east, lng);
      }
  }
  return box;
}

export type PlaceableArea = { id: number; level: string; code: string; boundary: Boundary };

/**
 * The area of each level that holds the point. A point exactly on the edge between two areas is
 * inside both; it goes to the one with the smaller code, so the answer never depends on row order.
 */
export function placePoint<A extends PlaceableArea>(areas: A[], p: LatLng): Map<string, A> {
  const found = new Map<string, A>();
  const ordered = [...areas].sort((a, b) => a.code.localeCompare(b.code, "fi", { numeric: true }));
  for (const area of ordered) {
    if (found.has(area.level)) continue;
    if (boundaryContains(area.boundary, p)) found.set(area.level, area);
  }
  return found;
}

/** Metres per degree of latitude (mean). */
const METRES_PER_DEGREE = 111_320;
export const COARSE_GRID_METRES = 50;

/**
 * The centre of the ~50 m grid cell the point lies in: what the public sees instead of the point.
 * The cell's width in longitude follows its row's latitude, so cells stay about square in the north.
 */
export function coarsen(p: LatLng, metres = COARSE_GRID_METRES): LatLng {
  const dLat = metres / METRES_PER_DEGREE;
  const row = Math.floor(p.lat / dLat);
  const lat = (row + 0.5) * dLat;
  const dLng = metres / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  const col = Math.floor(p.lng / dLng);
  return { lat: round7(lat), lng: round7((col + 0.5) * dLng) };
}
const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

/** Distance in metres between two points (haversine): tests and the seed check coarsening with it. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const R = 6_371_000;
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

export type Clusterable = LatLng & { id: number; handled: boolean };
export type Cluster = LatLng & { ids: number[]; open: number; handled: number };

/** Groups (already coarsened) points by a coarser grid; each group is drawn as one marker with its counts. */
export function clusterPoints(points: Clusterable[], metres = 300): Cluster[] {
  const cells = new Map<string, Clusterable[]>();
  for (const p of points) {
    const c = coarsen(p, metres);
    const key = `${c.lat}:${c.lng}`;
    cells.set(key, [...(cells.get(key) ?? []), p]);
  }
  return [...cells.values()].map((members) => ({
    lat: round7(members.reduce((s, m) => s + m.lat, 0) / members.length),
    lng: round7(members.reduce((s, m) => s + m.lng, 0) / members.length),
    ids: members.map((m) => m.id).sort((a, b) => a - b),
    open: members.filter((m) => !m.handled).length,
    handled: members.filter((m) => m.handled).length,
  }));
}
