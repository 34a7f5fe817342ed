// The situation log's live part: an EventSource on /situations/<id>/events that reloads the page's
// data when someone adds an entry, and says so in a polite live region. Without JavaScript nothing
// here runs, and a reload shows the new entries. The random `c` parameter keeps two tabs of the
// same person apart (the page cache would otherwise make the second wait for the first stream).
import { Text } from "@mantine/core";
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export function LiveLog({ situationId, latest }: { situationId: number; latest: number }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [arrived, setArrived] = useState(0);
  const [connected, setConnected] = useState(false);
  const seen = useRef(latest);
  seen.current = Math.max(seen.current, latest);

  useEffect(() => {
    const c = Math.random().toString(36).slice(2);
    const source = new EventSource(`/situations/${situationId}/events?after=${seen.current}&c=${c}`);
    source.addEventListener("open", () => setConnected(true));
    source.addEventListener("entry", (event) => {
      const id = Number((event as MessageEvent<string>).data);
      if (!(id > seen.current)) return;
      setArrived((n) => n + (id - seen.current > 0 ? 1 : 0));
      seen.current = id;
      revalidator.revalidate();
    });
    // The server ends the stream when the situation closes; the browser would reconnect for ever.
    source.addEventListener("closed", () => source.close());
    return () => source.close();
    // One stream per situation: the revalidator changes identity on every render.
  }, [situationId]);

  return (
    <>
      {connected ? (
        <Text size="sm" data-testid="live-log">
          {t("situations.log.live")}
        </Text>
      ) : null}
      <div aria-live="polite" className="visually-hidden">
        {arrived ? t("situations.log.newEntries", { count: arrived }) : ""}
      </div>
    </>
  );
}
