// The status review's part on residents' consultations: those closed during the review's period,
// with the number of answers, the answers by major district and the ranking's top candidates, each
// linking to the consultation (frozen with the review once it is sent).
import { Anchor, List, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReviewConsultation } from "~/server/consultations/results.server";
import { useFormat } from "~/ui/format";
import { LocalText } from "~/ui/LocalText";
import { Panel } from "~/ui/Panel";

export function ReviewConsultations({ consultations }: { consultations: ReviewConsultation[] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Panel titleId="review-consultations" title={t("consultations.review.title")}>
      {consultations.length ? (
        <Stack>
          {consultations.map((c) => (
            <Stack key={c.id} gap={4}>
              <Anchor component={Link} to={`/consultations/${c.id}`} fw={600}>
                <LocalText record={{ title: c.titleFi, titleSv: c.titleSv, titleEn: c.titleEn }} field="title" />
              </Anchor>
              <Text size="sm">
                {t("consultations.closesAt")}: {fmt.dateTime(c.closesAt)} · {t("consultations.responses", { count: c.total })}
              </Text>
              {c.byMajorDistrict.length ? (
                <Text size="sm">
                  {t("consultations.results.byMajorDistrict")}:{" "}
                  {c.byMajorDistrict
                    .map(
                      (a) =>
                        `${a.nameFi ? (i18n.language === "sv" && a.nameSv ? a.nameSv : a.nameFi) : t("consultations.results.noArea")} ${fmt.number(a.count)}`,
                    )
                    .join(", ")}
                </Text>
              ) : null}
              {c.ranking.length ? (
                <>
                  <Text size="sm">{t("consultations.review.top")}:</Text>
                  <List size="sm" type="ordered">
                    {c.ranking.slice(0, 5).map((r) => (
                      <List.Item key={r.labelFi}>
                        <LocalText record={{ label: r.labelFi, labelSv: r.labelSv, labelEn: r.labelEn }} field="label" /> –{" "}
                        {t("consultations.results.points")} {fmt.number(r.points)}
                      </List.Item>
                    ))}
                  </List>
                </>
              ) : null}
            </Stack>
          ))}
        </Stack>
      ) : (
        <Text>{t("consultations.review.none")}</Text>
      )}
    </Panel>
  );
}
