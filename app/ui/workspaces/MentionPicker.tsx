import { Checkbox, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The members to notify besides those written as @Name: plain checkboxes, so it works without JS. */
export function MentionPicker({ members, name = "mentionIds" }: { members: { id: string; name: string }[]; name?: string }) {
  const { t } = useTranslation();
  if (!members.length) return null;
  return (
    <details>
      <summary>
        <Text span size="sm">
          {t("workspaces.threads.notifyMembers")}
        </Text>
      </summary>
      <Group gap="md" mt="xs">
        {members.map((m) => (
          <Checkbox key={m.id} name={name} value={m.id} label={m.name} size="xs" />
        ))}
      </Group>
    </details>
  );
}
