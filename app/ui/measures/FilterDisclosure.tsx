// The filters of a list, folded away on phones so the results are not pushed screens down.
// A native <details>: keyboard accessible (Enter/Space on its summary) and working without
// JavaScript, where it stays open. After hydration a phone-sized screen folds it once.
import { Text, Title } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";

/** Below this width the filters start folded (Mantine's "sm" breakpoint). */
const PHONE_QUERY = "(max-width: 47.99em)";

export function FilterDisclosure({
  id,
  title,
  status,
  children,
}: {
  /** The heading's id, for the section's aria-labelledby. */
  id: string;
  title: string;
  /** How many filters are active, in words. */
  status: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // Not React state: the reader toggles the element itself, and React should not undo that.
    if (ref.current && window.matchMedia(PHONE_QUERY).matches) ref.current.open = false;
  }, []);
  return (
    <details ref={ref} open className="filter-disclosure">
      <summary>
        <Title order={2} size="h4" id={id} display="inline">
          {title}{" "}
          <Text span size="sm" c="dimmed" fw="normal" data-testid="active-filters">
            ({status})
          </Text>
        </Title>
      </summary>
      <div className="filter-disclosure-body">{children}</div>
    </details>
  );
}
