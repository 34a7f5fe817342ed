// The observation map, drawn only in the browser: Leaflet touches `window`, so the server renders
// a placeholder and the Leaflet part (LeafletMap.client, a chunk of its own that the server build leaves out) loads after hydration.
// Without JavaScript, or before it loads, the page's list and its no-map fields do the same work.
import { Text } from "@mantine/core";
// In the CSS bundle like Mantine's styles (small, and cached with the rest).
import "leaflet/dist/leaflet.css";
import "./map.css";
import { lazy, Suspense, useEffect, useState } from "react";
import type { Boundary, Bounds, LatLng } from "~/server/observations/geo";

export type MapShape = { id: number; name: string; level: string; boundary: Boundary };
export type MapMarker = {
  key: string;
  lat: number;
  lng: number;
  /** Read out for the marker (it is a button): "3 observations: 2 open, 1 handled". */
  label: string;
  kind: "open" | "handled";
  count: number;
  href?: string;
};
export type MapTiles = { url: string; attribution: string } | null;
export type ObservationMapProps = {
  /** Names the map region for screen readers. */
  label: string;
  shapes: MapShape[];
  markers?: MapMarker[];
  tiles: MapTiles;
  focus?: Bounds | null;
  picked?: LatLng | null;
  onPick?: (p: LatLng) => void;
  height?: number;
};

const LeafletMap = lazy(() => import("./LeafletMap.client"));

export function ObservationMap(props: ObservationMapProps) {
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  const height = props.height ?? 420;
  const placeholder = (
    <div style={{ height, display: "grid", placeItems: "center", border: "1px solid var(--mantine-color-gray-4)" }}>
      <Text size="sm">{props.label}</Text>
    </div>
  );
  if (!inBrowser) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <LeafletMap {...props} height={height} />
    </Suspense>
  );
}
