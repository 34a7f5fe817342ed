import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";

type Options = {
  measures: { id: number; code: string; title: string }[];
  reviews: { id: number; title: string }[];
  plans: { id: number; nameFi: string; nameSv: string | null; nameEn: string | null }[];
  documents?: { id: number; title: string }[];
};

/** One select for "what this concerns", grouped by kind (values like "measure:12"). */
export function LinkSelect({
  name,
  options,
  label,
  description,
  defaultValue,
  error,
}: {
  name: string;
  options: Options;
  label: string;
  description?: string;
  defaultValue?: string;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const data = [
    { value: "", label: t("workspaces.meetings.noLink") },
    {
      group: t("workspaces.linkTypes.measure"),
      items: options.measures.map((m) => ({ value: `measure:${m.id}`, label: `${m.code} ${m.title}` })),
    },
    { group: t("workspaces.linkTypes.review"), items: options.reviews.map((r) => ({ value: `review:${r.id}`, label: r.title })) },
    {
      group: t("workspaces.linkTypes.plan"),
      items: options.plans.map((p) => ({ value: `plan:${p.id}`, label: localName(p, i18n.language) })),
    },
    ...(options.documents
      ? [
          {
            group: t("workspaces.linkTypes.document"),
            items: options.documents.map((d) => ({ value: `document:${d.id}`, label: d.title })),
          },
        ]
      : []),
  ].filter((g) => !("group" in g) || (g.items?.length ?? 0) > 0);
  return <NativeSelect name={name} label={label} description={description} data={data} defaultValue={defaultValue ?? ""} error={error} />;
}
