// The Leaflet part of ObservationMap (browser only, loaded lazily). Without a tile source the map
// is the areas' boundaries drawn as vector shapes, so it never depends on an outside service.
// Markers are HTML (no images): open ones round, handled ones square with a check mark, groups
// with their count; each is a keyboard button named in words. Picking: a click on the map, or
// Enter on the focused map picks its centre (marked by a cross-hair).
import L from "leaflet";
import { useEffect, useMemo } from "react";
import { GeoJSON, MapContainer, Marker, TileLayer, useMap, useMapEvents } from "react-leaflet";
import { useNavigate } from "@remix-run/react";
import { boundsOf, type LatLng } from "~/server/observations/geo";
import type { MapMarker, ObservationMapProps } from "./ObservationMap";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function markerIcon(m: MapMarker) {
  const shape = m.kind === "handled" ? "obs-marker obs-marker--handled" : "obs-marker obs-marker--open";
  const symbol = m.count > 1 ? String(m.count) : m.kind === "handled" ? "✓" : "!";
  return L.divIcon({
    className: "",
    html: `<span class="${shape}"><span aria-hidden="true">${symbol}</span><span class="visually-hidden">${escape(m.label)}</span></span>`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
  });
}

const pickedIcon = (label: string) =>
  L.divIcon({
    className: "",
    html: `<span class="obs-marker obs-marker--picked"><span aria-hidden="true">+</span><span class="visually-hidden">${escape(label)}</span></span>`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
  });

/** Names the map region, and lets Enter pick the centre: the map without a mouse. */
function Behaviour({ label, onPick }: { label: string; onPick?: (p: LatLng) => void }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", label);
    if (!onPick) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== container || (e.key !== "Enter" && e.key !== " ")) return;
      e.preventDefault();
      const c = map.getCenter();
      onPick({ lat: c.lat, lng: c.lng });
    };
    container.addEventListener("keydown", onKey);
    return () => container.removeEventListener("keydown", onKey);
  }, [map, label, onPick]);
  useMapEvents({
    click: (e) => onPick?.({ lat: e.latlng.lat, lng: e.latlng.lng }),
  });
  return null;
}

export default function LeafletMap({ label, shapes, markers = [], tiles, focus, picked, onPick, height }: ObservationMapProps) {
  const navigate = useNavigate();
  const bounds = useMemo(() => {
    const box = focus ?? (shapes.length ? boundsOf(shapes.map((s) => s.boundary)) : { south: 60.1, west: 24.8, north: 60.3, east: 25.2 });
    return L.latLngBounds([box.south, box.west], [box.north, box.east]);
  }, [focus, shapes]);
  const features = useMemo(
    () => ({
      type: "FeatureCollection" as const,
      features: shapes.map((s) => ({ type: "Feature" as const, properties: { level: s.level, name: s.name }, geometry: s.boundary })),
    }),
    [shapes],
  );
  return (
    <div className={onPick ? "obs-map obs-map--picking" : "obs-map"} style={{ height }}>
      <MapContainer bounds={bounds} style={{ height: "100%", width: "100%" }} scrollWheelZoom={false}>
        <Behaviour label={label} onPick={onPick} />
        {tiles ? <TileLayer url={tiles.url} attribution={tiles.attribution} /> : null}
        <GeoJSON
          key={shapes.map((s) => s.id).join(",")}
          data={features}
          interactive={false}
          style={(f) => ({
            color: "#1c4f82",
            weight: f?.properties.level === "major_district" ? 3 : 1.5,
            fillColor: "#d8e6f3",
            fillOpacity: tiles ? 0.1 : 0.45,
          })}
        />
        {markers.map((m) => (
          <Marker
            key={m.key}
            position={[m.lat, m.lng]}
            icon={markerIcon(m)}
            title={m.label}
            eventHandlers={{
              click: (e) => {
                if (m.href) navigate(m.href);
                else e.target._map?.setView([m.lat, m.lng], (e.target._map?.getZoom() ?? 12) + 2);
              },
            }}
          />
        ))}
        {picked ? <Marker position={[picked.lat, picked.lng]} icon={pickedIcon(label)} keyboard={false} interactive={false} /> : null}
      </MapContainer>
    </div>
  );
}
