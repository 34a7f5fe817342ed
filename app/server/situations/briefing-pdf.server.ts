// A briefing as a one-page situation report PDF for the chief executive and the mayor: tagged like
// the status review's PDF (steering/review-pdf.ts: a structure tree of headings, paragraphs and
// lists, the document's language and title, DejaVu Sans embedded, decoration as artifacts), made
// from the briefing's frozen snapshot in the reader's language. Small enough to render in the
// request itself (the review PDF needs a worker thread; this needs none).
import type { TFunction } from "i18next";
import { INTL_LOCALE, isLanguage, type Language } from "~/i18n/config";
import { localName } from "~/i18n/names";
import { config } from "../platform/config.server";
import { artifact, type Struct, renderTaggedPdf } from "../platform/tagged-pdf";
import { attachmentHeader } from "../platform/downloads.server";
import { PICTURE_FIELDS } from "./picture-diff";
import type { BriefingSnapshot } from "./situations.server";

const MARGIN = 50;
const BLUE = "#1a249a";
const GREY = "#495057";

type Briefing = { briefing: { id: number; sentAt: Date | string | number }; snapshot: BriefingSnapshot };

/** The download's Content-Disposition: "tilanneraportti-12.pdf" in the reader's language. */
export function briefingDownloadHeader(b: Briefing, t: TFunction): string {
  return attachmentHeader(`${t("situations.briefing.file")}-${b.briefing.id}.pdf`);
}

/** Renders the situation report. */
export function renderBriefingPdf(b: Briefing, t: TFunction, lng: string): Promise<Buffer> {
  const lang: Language = isLanguage(lng) ? lng : "fi";
  const locale = INTL_LOCALE[lang];
  const dateTime = (v: number | string | Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Helsinki" }).format(new Date(v));
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Europe/Helsinki" }).format(new Date(`${iso}T12:00:00Z`));
  const s = b.snapshot;
  const frame = {
    margin: MARGIN,
    lang: locale,
    title: `${t("situations.briefing.documentType")}: ${s.title}`,
    author: config().cityIssuer[lang],
    subject: t("situations.briefing.documentType"),
  };
  return renderTaggedPdf(frame, ({ doc, root, width, tagged, paragraph }) => {
    const para = (parent: Struct, text: string, size = 9.5, color = "black") => paragraph(parent, text, "regular", size, color);
    artifact(doc, () => doc.rect(0, 0, doc.page.width, 10).fill(BLUE));

    const head = doc.struct("Sect");
    root.add(head);
    tagged(head, "P", () => {
      doc.font("regular").fontSize(10).fillColor(GREY).text(config().cityIssuer[lang], MARGIN, 30, { width });
    });
    tagged(head, "P", () => {
      doc.font("bold").fontSize(10).fillColor(BLUE).text(t("situations.briefing.documentType").toUpperCase(), { characterSpacing: 1 });
    });
    tagged(head, "H1", () => {
      doc.font("bold").fontSize(18).fillColor("black").text(s.title, { width });
    });
    const meta = [
      t("situations.briefing.sentLine", { date: dateTime(b.briefing.sentAt) }),
      t("situations.briefing.severityLine", { severity: t(`situations.severity.${s.severity}`) }),
      ...(s.publicity !== "public"
        ? [
            t("situations.briefing.publicityLine", {
              publicity: t(`workspaces.documents.marking.${s.publicity}`),
              ground: s.legalGround ?? "–",
            }),
          ]
        : []),
      ...(s.areas.length ? [t("situations.briefing.areasLine", { areas: s.areas.map((a) => localName(a, lang)).join(", ") })] : []),
    ];
    for (const line of meta) para(head, line, 9.5, GREY);
    head.end();
    doc.moveDown(0.6);

    const heading = (parent: Struct, text: string) =>
      tagged(parent, "H2", () => {
        doc.moveDown(0.3).font("bold").fontSize(12).fillColor(BLUE).text(text, MARGIN, undefined, { width });
      });

    const picture = doc.struct("Sect");
    root.add(picture);
    heading(picture, t("situations.picture.title"));
    if (s.picture) {
      para(picture, t("situations.briefing.pictureLine", { version: s.picture.version, date: dateTime(s.picture.savedAt) }), 8.5, GREY);
      for (const f of PICTURE_FIELDS) {
        if (!s.picture[f]) continue;
        tagged(picture, "H3", () => {
          doc
            .moveDown(0.2)
            .font("bold")
            .fontSize(9.5)
            .fillColor("black")
            .text(t(`situations.picture.${f}`), { width });
        });
        para(picture, s.picture[f]);
      }
      if (s.picture.nextUpdateAt) {
        tagged(picture, "H3", () => {
          doc.moveDown(0.2).font("bold").fontSize(9.5).fillColor("black").text(t("situations.picture.nextUpdateAt"), { width });
        });
        para(picture, dateTime(s.picture.nextUpdateAt));
      }
    } else para(picture, t("situations.briefing.noPicture"));
    picture.end();

    const actions = doc.struct("Sect");
    root.add(actions);
    heading(actions, t("situations.actions.title"));
    if (s.actions.length) {
      const list = doc.struct("L");
      actions.add(list);
      const items = s.actions.map((a) =>
        t("situations.briefing.actionLine", {
          title: a.title,
          owner: localName({ nameFi: a.ownerNameFi, nameSv: a.ownerNameSv, nameEn: a.ownerNameEn }, lang),
          responsible: a.responsibleName ? `, ${a.responsibleName}` : "",
          deadline: date(a.deadline),
          status: `${t(`situations.actionStatus.${a.status}`)}${a.overdue ? ` (${t("situations.overdueBadge")})` : ""}`,
        }),
      );
      doc
        .font("regular")
        .fontSize(9.5)
        .fillColor("black")
        .list(items, { bulletRadius: 1.5, indent: 10, textIndent: 10, structParent: list });
      list.end();
    } else para(actions, t("situations.actions.none"));
    actions.end();
    root.end();
  });
}
