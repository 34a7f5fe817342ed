import { Group, Pagination, Text } from "@mantine/core";
import { useSearchParams, useNavigate } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Page links that keep the rest of the filter state in the URL (`param` when a page has two lists). */
export function Pager({ page, pageCount, total, param = "page" }: { page: number; pageCount: number; total: number; param?: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set(param, String(p));
    return `?${next.toString()}`;
  };
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm">{t("common.resultCount", { count: total })}</Text>
      {pageCount > 1 ? (
        <Pagination
          total={pageCount}
          value={page}
          onChange={(p) => navigate(hrefFor(p), { preventScrollReset: true })}
          getItemProps={(p) => ({ component: "a", href: hrefFor(p), "aria-label": t("common.page", { page: p }) })}
          getControlProps={(control) => ({ "aria-label": t(`common.${control}Page`) })}
        />
      ) : null}
    </Group>
  );
}
