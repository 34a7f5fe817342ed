import { Anchor, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LinkType, PublicityClass } from "../../../db/schema";
import { localName } from "~/i18n/names";
import { PublicityBadge } from "./Publicity";

export type LinkData = {
  type: LinkType;
  id: number;
  label: string;
  href: string;
  names?: { nameFi: string; nameSv: string | null; nameEn: string | null };
  publicity?: PublicityClass;
} | null;

/** What an agenda item or a decision points at; nothing at all when the viewer may not see it. */
export function LinkView({ link }: { link: LinkData }) {
  const { t, i18n } = useTranslation();
  if (!link) return null;
  return (
    <Text size="sm" component="span">
      {t(`workspaces.linkTypes.${link.type}`)}:{" "}
      <Anchor component={Link} to={link.href}>
        {link.names ? localName(link.names, i18n.language) : link.label}
      </Anchor>{" "}
      {link.publicity ? <PublicityBadge publicity={link.publicity} /> : null}
    </Text>
  );
}
