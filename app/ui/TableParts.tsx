// Pieces the admin and account tables repeat: the header row (with a column for row actions that
// only screen readers name), the "Edit" link that says what it edits, and a one-button form that
// acts on a row. One place keeps their headers, scopes and accessible names alike.
import { Anchor, Table, type TableProps } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "~/ui/ScrollTable";
import { IntentButton } from "~/ui/forms";

/** A column heading: its text, or the text with how it is shown. */
export type Column = string | { label: string; alignRight?: boolean; visuallyHidden?: boolean };

/** A heading of a column of numbers: right-aligned like its figures. */
export const numberColumn = (label: string): Column => ({ label, alignRight: true });

/**
 * The header row. `scoped` marks each heading scope="col" (the tables whose rows start with a
 * row heading); `actions` adds the last column, named "Actions" for screen readers only.
 */
export function TableHead({ columns, scoped = false, actions = false }: { columns: Column[]; scoped?: boolean; actions?: boolean }) {
  const { t } = useTranslation();
  const scope = scoped ? "col" : undefined;
  const all = actions ? [...columns, { label: t("common.actions"), visuallyHidden: true }] : columns;
  return (
    <Table.Thead>
      <Table.Tr>
        {all.map((column, index) => {
          const { label, alignRight, visuallyHidden } = typeof column === "string" ? { label: column } : column;
          return (
            <Table.Th key={`${index}-${label}`} scope={scope} ta={alignRight ? "right" : undefined}>
              {visuallyHidden ? <span className="visually-hidden">{label}</span> : label}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}

/** A row's "Edit" link, named for screen readers after what it edits. */
export function EditLinkCell({ to, name }: { to: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Anchor component={Link} to={to} aria-label={t("admin.editNamed", { name })}>
        {t("common.edit")}
      </Anchor>
    </Table.Td>
  );
}

/** A small red button that posts `intent` with the row's id (revoking, ending a membership). */
export function RowActionForm({
  intent,
  idName,
  id,
  label,
  accessibleName,
}: {
  intent: string;
  /** The name of the hidden field that carries the row's id. */
  idName: string;
  id: number | string;
  label: string;
  /** What screen readers hear: the label with the row it acts on. */
  accessibleName: string;
}) {
  return (
    <IntentButton
      intent={intent}
      values={{ [idName]: id }}
      label={label}
      size="compact-xs"
      variant="subtle"
      color="red"
      aria-label={accessibleName}
    />
  );
}

/**
 * A data table with its caption and header row inside a named scroll region, so that a wide table
 * scrolls sideways on a phone (WCAG 1.4.10) and keyboard users can reach and scroll it. The caption
 * names both the table and its region; `showCaption` shows it on screen as well.
 */
export function DataTable({
  caption,
  showCaption = false,
  minWidth,
  columns,
  scoped,
  actions,
  striped = true,
  children,
  ...tableProps
}: Omit<TableProps, "children" | "striped"> & {
  caption: string;
  showCaption?: boolean;
  minWidth: number;
  columns: Column[];
  scoped?: boolean;
  actions?: boolean;
  striped?: boolean;
  children: ReactNode;
}) {
  return (
    <ScrollTable minWidth={minWidth} label={caption}>
      <Table striped={striped} {...tableProps}>
        {showCaption ? <Table.Caption>{caption}</Table.Caption> : <caption className="visually-hidden">{caption}</caption>}
        <TableHead columns={columns} scoped={scoped} actions={actions} />
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
