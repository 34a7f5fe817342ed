// A discussion message's text and whom else to notify: the same when a thread is started and
// when someone replies (only the box's height differs).
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldTextarea } from "~/ui/forms";
import { MentionPicker } from "~/ui/workspaces/MentionPicker";

export function MessageBodyFields({
  field,
  members,
  minRows,
}: {
  field: FieldMetadata<string>;
  members: { id: string; name: string }[];
  minRows: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FieldTextarea
        field={field}
        label={t("workspaces.threads.body")}
        description={t("workspaces.threads.bodyHelp", { example: members[0]?.name ?? "Etunimi Sukunimi" })}
        minRows={minRows}
        required
      />
      <MentionPicker members={members} />
    </>
  );
}
