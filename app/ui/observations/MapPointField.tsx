// A place picked on the observation map, as a pair of form fields (lat, lng). It replaces typed
// decimal coordinates in the residents'-plan editor: the same map as the observation report, and
// the same keyboard way to pick (ui/observations/LeafletMap.client.tsx). The fields are plain hidden
// inputs, so a form without JavaScript still sends a point saved earlier unchanged, and the
// autosaving plan form (SectionForm) sees a pick as typing: an `input` event from the field.
import { Button, Group, Stack, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Bounds, LatLng } from "~/server/observations/geo";
import { FormErrors } from "~/ui/forms";
import { FILLED_EVENT } from "~/ui/neighbourhood/SectionForm";
import { ObservationMap, type MapShape, type MapTiles } from "./ObservationMap";
import { ApproximateNote } from "./parts";

type PointField = { name: string; initialValue?: unknown; errors?: string[] };

export type PickerMap = { shapes: MapShape[]; approximate: boolean; focus: Bounds | null; tiles: MapTiles };

const number = (v: unknown) => (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null);
const pointOf = (lat: unknown, lng: unknown): LatLng | null => {
  const a = number(lat);
  const b = number(lng);
  return a != null && b != null ? { lat: a, lng: b } : null;
};

export function MapPointField({
  lat,
  lng,
  map,
  label,
  help,
  height = 280,
}: {
  lat: PointField;
  lng: PointField;
  map: PickerMap;
  label: string;
  help: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const latRef = useRef<HTMLInputElement>(null);
  const lngRef = useRef<HTMLInputElement>(null);
  const [point, setPoint] = useState<LatLng | null>(() => pointOf(lat.initialValue, lng.initialValue));

  // The form may set the fields in place (a restored draft, a cleared "new" form): follow it.
  useEffect(() => {
    const form = latRef.current?.form;
    if (!form) return;
    const follow = () => setPoint(pointOf(latRef.current?.value, lngRef.current?.value));
    form.addEventListener(FILLED_EVENT, follow);
    return () => form.removeEventListener(FILLED_EVENT, follow);
  }, []);

  const pick = (p: LatLng | null) => {
    setPoint(p);
    if (!latRef.current || !lngRef.current) return;
    // Six decimals is about 10 cm: more would only be noise from the map's pixels.
    latRef.current.value = p ? p.lat.toFixed(6) : "";
    lngRef.current.value = p ? p.lng.toFixed(6) : "";
    latRef.current.dispatchEvent(new Event("input", { bubbles: true }));
  };

  return (
    <Stack gap="xs">
      <Text size="sm">{help}</Text>
      <ObservationMap label={label} shapes={map.shapes} tiles={map.tiles} focus={map.focus} picked={point} onPick={pick} height={height} />
      <ApproximateNote show={map.approximate} />
      <input type="hidden" name={lat.name} ref={latRef} defaultValue={point ? String(point.lat) : ""} />
      <input type="hidden" name={lng.name} ref={lngRef} defaultValue={point ? String(point.lng) : ""} />
      <Group gap="sm">
        <Text size="sm" aria-live="polite" data-testid="picked-point">
          {point
            ? t("observations.report.picked", { lat: point.lat.toFixed(5), lng: point.lng.toFixed(5) })
            : t("observations.report.notPicked")}
        </Text>
        {point ? (
          <Button variant="subtle" size="xs" onClick={() => pick(null)}>
            {t("observations.report.clearPoint")}
          </Button>
        ) : null}
      </Group>
      <FormErrors errors={lat.errors ?? lng.errors} />
    </Stack>
  );
}
