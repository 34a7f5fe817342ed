// One titled part of a page: a <section> named by its own heading (aria-labelledby), so screen
// readers list each part as a landmark. Bordered by default; `plain` drops the border for parts
// that sit directly on the page.
import { Box, Group, type MantineSpacing, Paper, type PaperProps, Title, type TitleOrder } from "@mantine/core";
import type { ReactNode } from "react";

type PanelProps = Omit<PaperProps, "title"> & {
  /** The heading's id, which names the section. */
  titleId: string;
  title: ReactNode;
  /** The heading level; level 2 looks like an h3 and level 3 like an h4 unless `size` says otherwise. */
  order?: TitleOrder;
  size?: "h2" | "h3" | "h4" | "h5";
  /** Space under the heading. */
  mb?: MantineSpacing | number;
  padding?: MantineSpacing;
  plain?: boolean;
  /** Links or buttons beside the heading (an "Edit" link, an import link). */
  actions?: ReactNode;
  /** The section's own id, where a link jumps to it (#priority-areas, #values). */
  id?: string;
  className?: string;
  "data-testid"?: string;
  children?: ReactNode;
};

export function Panel({
  titleId,
  title,
  order = 2,
  size,
  mb = "sm",
  padding = "md",
  plain = false,
  actions,
  children,
  ...rest
}: PanelProps) {
  const titleElement = (
    <Title order={order} size={size ?? (order === 2 ? "h3" : "h4")} id={titleId} mb={actions ? 0 : mb}>
      {title}
    </Title>
  );
  const heading = actions ? (
    <Group justify="space-between" align="baseline" mb={mb}>
      {titleElement}
      {actions}
    </Group>
  ) : (
    titleElement
  );
  if (plain) {
    return (
      <Box component="section" aria-labelledby={titleId} {...rest}>
        {heading}
        {children}
      </Box>
    );
  }
  return (
    <Paper withBorder p={padding} component="section" aria-labelledby={titleId} {...rest}>
      {heading}
      {children}
    </Paper>
  );
}
