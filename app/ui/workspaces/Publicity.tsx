import { Alert, Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PublicityClass } from "../../../db/schema";
import { useFormat } from "~/ui/format";

/** A small class badge for lists; public documents carry none. */
export function PublicityBadge({ publicity }: { publicity: PublicityClass }) {
  const { t } = useTranslation();
  if (publicity === "public") return null;
  return (
    <Badge color={publicity === "confidential" ? "red" : "orange"} variant="outline" size="sm">
      {t(`workspaces.documents.marking.${publicity}`)}
    </Badge>
  );
}

/** The marking of a non-public document on its page: class, legal ground and secrecy period. */
export function PublicityMarking({
  publicity,
  legalGround,
  secretUntil,
  today,
}: {
  publicity: PublicityClass;
  legalGround: string | null;
  secretUntil: string | null;
  today: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (publicity === "public") return null;
  return (
    <Alert
      color={publicity === "confidential" ? "red" : "orange"}
      variant="light"
      title={t(`workspaces.documents.marking.${publicity}`)}
      data-testid="publicity-marking"
    >
      <Text size="sm">
        {t("workspaces.documents.legalGround")}: {legalGround ?? "–"}
      </Text>
      <Text size="sm">
        {t("workspaces.documents.secretUntilShown")}: {fmt.date(secretUntil)}
      </Text>
      {secretUntil && secretUntil < today ? (
        <Text size="sm" fw={600}>
          {t("workspaces.documents.secrecyEnded")}
        </Text>
      ) : null}
      <Text size="sm" mt={4}>
        {t("workspaces.documents.logged")}
      </Text>
    </Alert>
  );
}
