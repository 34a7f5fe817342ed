// Which group, for which organisation and in which position: inviting someone and adding a
// membership to a user ask the same three questions with the same choices.
import type { FieldMetadata } from "@conform-to/react";
import { Group } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { FieldSelect } from "~/ui/forms";
import { POSITIONS } from "../../../db/schema";

type Choice = { id: number; nameFi: string; nameSv?: string | null; nameEn?: string | null };

export function MembershipFields({
  fields,
  groups,
  organisations,
  groupRequired = false,
  organisationHelp,
  asRow = false,
}: {
  fields: {
    groupId: FieldMetadata<number | undefined>;
    organisationId: FieldMetadata<number | undefined>;
    position: FieldMetadata<string | undefined>;
  };
  groups: Choice[];
  organisations: Choice[];
  /** A membership needs its group; an invitation may come without one. */
  groupRequired?: boolean;
  organisationHelp?: string;
  /**
   * The three side by side in a growing row. The row is drawn here, not by the page: Mantine's
   * Group shares its width by counting its direct children, and would count this component as one.
   */
  asRow?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const options = (records: Choice[], empty: string) => [
    { value: "", label: empty },
    ...records.map((r) => ({ value: String(r.id), label: localName(r, i18n.language) })),
  ];
  // A list, not a fragment, so that a Group counts three children.
  const selects = [
    <Fragment key="group">
      <FieldSelect
        field={fields.groupId}
        label={t("admin.group")}
        required={groupRequired}
        data={options(groups, groupRequired ? t("common.choose") : t("common.none"))}
      />
    </Fragment>,
    <Fragment key="organisation">
      <FieldSelect
        field={fields.organisationId}
        label={t("admin.organisation")}
        description={organisationHelp}
        data={options(organisations, t("common.none"))}
      />
    </Fragment>,
    <Fragment key="position">
      <FieldSelect
        field={fields.position}
        defaultValue={fields.position.initialValue ?? "member"}
        label={t("admin.position")}
        data={POSITIONS.map((p) => ({ value: p, label: t(`positions.${p}`) }))}
      />
    </Fragment>,
  ];
  return asRow ? (
    <Group align="start" grow>
      {selects}
    </Group>
  ) : (
    <>{selects}</>
  );
}
