// One titled part of an admin page: a bordered <section> named by its own heading, so screen
// readers list each part (lifecycle, priority areas, merging an area...) as a landmark.
import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

export function AdminSection({
  titleId,
  title,
  id,
  padding = "md",
  children,
}: {
  /** The heading's id, which names the section. */
  titleId: string;
  title: string;
  /** The section's own id, where a link jumps to it (#priority-areas, #goals). */
  id?: string;
  padding?: "md" | "lg";
  children: ReactNode;
}) {
  return (
    <Paper withBorder p={padding} component="section" aria-labelledby={titleId} id={id}>
      <Title order={3} size="h4" id={titleId} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
