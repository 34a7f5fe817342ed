// A table too wide for a phone scrolls sideways inside its own region, never the page (WCAG 1.4.10
// reflow). The region is focusable and named so that keyboard users can scroll it too (axe's
// scrollable-region-focusable), and shows a focus ring.
import { Table, type TableScrollContainerProps } from "@mantine/core";

type Props = Omit<TableScrollContainerProps, "type" | "minWidth"> & {
  /** Below this width the table scrolls inside the region. */
  minWidth: number;
} & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never });

export function ScrollTable({ label, labelledBy, minWidth, className, children, ...rest }: Props) {
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      tabIndex={0}
      role="region"
      aria-label={label}
      aria-labelledby={labelledBy}
      className={className ? `scroll-region ${className}` : "scroll-region"}
      {...rest}
    >
      {children}
    </Table.ScrollContainer>
  );
}
