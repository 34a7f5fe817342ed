// Who sent a data subject's request: a link to their user page, or the words "deleted account"
// once the account is gone (the request itself stays for the record).
import { Anchor } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function RequesterLink({ requesterId, requesterName }: { requesterId: string | null; requesterName: string | null }) {
  const { t } = useTranslation();
  return requesterId ? (
    <Anchor component={Link} to={`/admin/users/${requesterId}`}>
      {requesterName}
    </Anchor>
  ) : (
    t("rights.admin.deletedAccount")
  );
}
