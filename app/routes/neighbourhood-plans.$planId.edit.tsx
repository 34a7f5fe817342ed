// The plan editor: one form per section and item, each saving itself as the author writes (see
// ui/neighbourhood/SectionForm.tsx), co-authors (added at once, or invited by e-mail), and sending
// the plan to the area's network.
// Every form also works without JavaScript: a normal POST, then back to this page.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
  type ClientActionFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PLAN_ACTION_CARRIERS } from "../../db/schema";
import {
  ActionSchema,
  AddCoauthorSchema,
  BasicsSchema,
  CitationSchema,
  GoalSchema,
  ObservationSchema,
  RemoveCoauthorSchema,
  RemoveItemSchema,
} from "~/forms/neighbourhood";
import { detectLanguage } from "~/i18n/i18n.server";
import { localName, namesFrom } from "~/i18n/names";
import { badRequest, forbidden, loginRedirect } from "~/server/people/guard.server";
import { listOrganisations } from "~/server/people/directory.server";
import { loadVisiblePlan } from "~/server/neighbourhood/neighbourhood-guards.server";
import {
  addOrInviteCoauthor,
  COAUTHOR_INVITATIONS_PER_DAY,
  getPlanView,
  linkableMeasures,
  removeCoauthor,
  removeItem,
  saveBasics,
  savePlanGoal,
  saveObservation,
  savePlanAction,
  submitPlan,
  type SaveResult,
} from "~/server/neighbourhood/neighbourhood.server";
import { can } from "~/server/people/permissions.server";
import { citationChoices, citeObservation, unciteObservation } from "~/server/neighbourhood/plan-citations.server";
import { linkedObservations, mapShapes, mapTiles } from "~/server/observations/observations.server";
import { boundsOf } from "~/server/observations/geo";
import { currentPlan } from "~/server/city/plans.server";
import { FieldSelect, FieldTextInput, FieldTextarea, FormErrors, useZodForm, IntentForm, IntentButton } from "~/ui/forms";
import { DirtyProvider, SectionForm, useUnsavedCount, type SectionReply } from "~/ui/neighbourhood/SectionForm";
import { PlanItemSection, PlanSection, WrittenBy } from "~/ui/neighbourhood/PlanItemSection";
import { ChangesRequestedBanner, PlanStatusBadge } from "~/ui/neighbourhood/parts";
import { pageTitle } from "~/i18n/page-title";
import { planItemAnchor } from "~/ui/neighbourhood/parts";
import { errorKey } from "~/forms/z";
import { MapPointField } from "~/ui/observations/MapPointField";
import { LinkedObservations, type ListedObservation } from "~/ui/observations/parts";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.residentsPlanEditor", { name: data?.view.plan.title });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, id, access } = await loadVisiblePlan(request, context, params.planId);
  if (!viewer) loginRedirect(request);
  if (!can(viewer, { kind: "neighbourhoodPlan.edit", plan: access })) {
    // An author whose plan is with the network (or published) is taken to the plan instead.
    if (access.authorIds.includes(viewer.id)) throw redirect(`/neighbourhood-plans/${id}`);
    forbidden();
  }
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  const view = getPlanView(id, { publicMeasuresOnly: publicOnly, moderator: false })!;
  const cityPlan = currentPlan({ publicOnly });
  // The measures aimed at the plan's own area come first: they are the ones a local action carries out.
  const measureGroups = cityPlan ? linkableMeasures(cityPlan.id, view.area.id, { publicOnly }) : { nearby: [], others: [] };
  const organisations = listOrganisations().map((o) => ({ id: o.id, ...namesFrom(o) }));
  const choices = citationChoices(id, view.area.id);
  // One list for both, so the category names are sent once.
  const listed = linkedObservations([...choices.cited, ...choices.others]);
  const citedIds = new Set(choices.cited.map((o) => o.id));
  // The map of the observation picker: the districts and sub-areas, opened on the nearest drawn
  // area of the plan's own (view.ancestors runs from the top level down).
  const { shapes, approximate } = mapShapes(["district", "sub_area"]);
  const nearest = [view.area.id, ...view.ancestors.map((a) => a.id).reverse()]
    .map((areaId) => shapes.find((s) => s.id === areaId))
    .find((s) => s !== undefined);
  return json({
    view,
    citations: {
      cited: listed.observations.filter((o) => citedIds.has(o.id)),
      citable: listed.observations.filter((o) => !citedIds.has(o.id)),
      categories: listed.observationCategories,
    },
    map: {
      shapes,
      approximate,
      focus: nearest ? boundsOf([nearest.boundary]) : null,
      tiles: mapTiles(),
    },
    measureGroups,
    organisations,
    viewerId: viewer.id,
    isOwner: view.authors.some((a) => a.userId === viewer.id && a.role === "owner"),
    canWithdraw: can(viewer, { kind: "neighbourhoodPlan.withdraw", plan: access }),
  });
}

/** Autosaves do not reload the page's data: the author is still typing and the form holds the truth. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, actionResult, defaultShouldRevalidate }) =>
  formData?.get("autosave") === "1" || (actionResult as SectionReply | null | undefined)?.failed ? false : defaultShouldRevalidate;

/** A dropped connection must not replace the editor with an error page: the form says "failed, retry". */
export async function clientAction({ serverAction }: ClientActionFunctionArgs) {
  try {
    return await serverAction<typeof action>();
  } catch (error) {
    if (error instanceof Response) throw error;
    return { failed: true } as SectionReply;
  }
}

const FORM_KEY = /^(basics|coauthors|citations|submit|(observation|goal|action)-(\d+|new))$/;
const SECTION_ANCHOR: Record<string, string> = {
  basics: "section-basics",
  observation: "section-observations",
  goal: "section-goals",
  action: "section-actions",
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, id, access } = await loadVisiblePlan(request, context, params.planId);
  if (!viewer) loginRedirect(request);
  const formData = await request.formData();
  const js = formData.get("js") === "1";
  const rawKey = String(formData.get("formKey") ?? "");
  const formKey = FORM_KEY.test(rawKey) ? rawKey : "page";
  // Submitted (by a co-author) or no longer an author: the form says so and keeps the text.
  if (!can(viewer, { kind: "neighbourhoodPlan.edit", plan: access }))
    return json({ formKey, error: "neighbourhood.errors.notEditable" } satisfies SectionReply, { status: 403 });
  const intent = String(formData.get("intent") ?? "");
  const back = (anchor: string, extra = "saved=1") => redirect(`/neighbourhood-plans/${id}/edit?${extra}#${anchor}`);

  /** The answer to a section save: JSON for the autosave, a redirect for a plain form post. */
  const answer = (result: SaveResult, submission: { reply: () => SectionReply["result"] }) => {
    if (result.ok) {
      if (js) return json({ formKey, ok: true, id: result.id, rev: result.rev, savedAt: result.savedAt } satisfies SectionReply);
      // A new item: the page opens at it (and focus goes there, ui/AppShellLayout).
      if (!formData.get("itemId") && result.id != null && intent in SECTION_ANCHOR && intent !== "basics")
        return back(planItemAnchor(intent, result.id));
      return back(SECTION_ANCHOR[intent] ?? "section-basics");
    }
    if (result.reason === "conflict") {
      const { current, by, rev, gone } = result;
      return json({ formKey, conflict: { current, by, rev, gone }, result: js ? undefined : submission.reply() } satisfies SectionReply, {
        status: 409,
      });
    }
    return json(
      { formKey, error: `neighbourhood.errors.${result.reason}`, result: js ? undefined : submission.reply() } satisfies SectionReply,
      { status: 400 },
    );
  };

  switch (intent) {
    case "basics": {
      const submission = parseWithZod(formData, { schema: BasicsSchema });
      if (submission.status !== "success") return json({ formKey, result: submission.reply() } satisfies SectionReply, { status: 400 });
      const v = submission.value;
      return answer(saveBasics(viewer, id, v.rev, { title: v.title, situation: v.situation }), submission);
    }
    case "observation": {
      const submission = parseWithZod(formData, { schema: ObservationSchema });
      if (submission.status !== "success") return json({ formKey, result: submission.reply() } satisfies SectionReply, { status: 400 });
      const v = submission.value;
      const input = { text: v.text, placeName: v.placeName || null, lat: v.lat ?? null, lng: v.lng ?? null };
      return answer(saveObservation(viewer, id, { id: v.itemId, baseRev: v.rev, recreate: v.recreate }, input), submission);
    }
    case "goal": {
      const submission = parseWithZod(formData, { schema: GoalSchema });
      if (submission.status !== "success") return json({ formKey, result: submission.reply() } satisfies SectionReply, { status: 400 });
      const v = submission.value;
      return answer(savePlanGoal(viewer, id, { id: v.itemId, baseRev: v.rev, recreate: v.recreate }, { text: v.text }), submission);
    }
    case "action": {
      const submission = parseWithZod(formData, { schema: ActionSchema });
      if (submission.status !== "success") return json({ formKey, result: submission.reply() } satisfies SectionReply, { status: 400 });
      const v = submission.value;
      const input = {
        text: v.text,
        carriedBy: v.carriedBy,
        organisationId: v.carriedBy === "city" ? (v.organisationId ?? null) : null,
        timeline: v.timeline,
        dueDate: v.dueDate ?? null,
        measureId: v.measureId ?? null,
        goalId: v.goalId ?? null,
      };
      return answer(savePlanAction(viewer, id, { id: v.itemId, baseRev: v.rev, recreate: v.recreate }, input), submission);
    }
    case "remove": {
      const parsed = RemoveItemSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) badRequest();
      const result = removeItem(viewer, id, parsed.data.kind, parsed.data.itemId);
      if (!result.ok && result.reason === "notEditable")
        return json({ formKey, error: "neighbourhood.errors.notEditable" } satisfies SectionReply, { status: 409 });
      return back(SECTION_ANCHOR[parsed.data.kind]!, "done=removed");
    }
    case "cite":
    case "uncite": {
      const parsed = CitationSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) badRequest();
      const { observationId } = parsed.data;
      const result = intent === "cite" ? citeObservation(viewer, id, observationId) : unciteObservation(viewer, id, observationId);
      if (!result.ok)
        return json({ formKey: "citations", error: `neighbourhood.errors.${result.reason}` } satisfies SectionReply, {
          status: result.reason === "notCitable" ? 400 : 409,
        });
      return back("section-citations", `done=${intent === "cite" ? "cited" : "uncited"}`);
    }
    case "addCoauthor": {
      const submission = parseWithZod(formData, { schema: AddCoauthorSchema });
      if (submission.status !== "success")
        return json({ formKey: "coauthors", result: submission.reply() } satisfies SectionReply, { status: 400 });
      const result = await addOrInviteCoauthor(viewer, id, submission.value.email, await detectLanguage(request));
      if (!result.ok) {
        const message =
          result.reason === "tooManyInvitations"
            ? errorKey("neighbourhood.errors.tooManyInvitations", { limit: COAUTHOR_INVITATIONS_PER_DAY })
            : `neighbourhood.errors.${result.reason}`;
        const field = result.reason === "notEditable" || result.reason === "notFound" ? undefined : [message];
        return json(
          {
            formKey: "coauthors",
            result: submission.reply(field ? { fieldErrors: { email: field } } : { formErrors: [`neighbourhood.errors.${result.reason}`] }),
          } satisfies SectionReply,
          { status: 400 },
        );
      }
      if ("invited" in result)
        return back(
          "section-authors",
          `done=${result.mailed ? "coauthorInvited" : "inviteMailFailed"}&email=${encodeURIComponent(result.invited)}`,
        );
      return back("section-authors", `done=coauthorAdded&name=${encodeURIComponent(result.name)}`);
    }
    case "removeCoauthor": {
      const parsed = RemoveCoauthorSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) badRequest();
      removeCoauthor(viewer, id, parsed.data.userId);
      // Someone who left the plan can no longer edit it: take them to the plan (or their area).
      if (parsed.data.userId === viewer.id) return redirect("/my-area");
      return back("section-authors", "done=coauthorRemoved");
    }
    case "submit": {
      const result = submitPlan(viewer, id);
      if (result.ok) return redirect(`/neighbourhood-plans/${id}?done=submitted`);
      if (result.reason === "incomplete")
        return json({ formKey: "submit", error: "neighbourhood.errors.incomplete", missing: result.missing ?? [] }, { status: 400 });
      return json({ formKey: "submit", error: `neighbourhood.errors.${result.reason}` } satisfies SectionReply, { status: 409 });
    }
    default:
      badRequest();
  }
}

/** The text of a form field's initial value (conform keeps what was typed after a refused save). */
const initial = (field: { initialValue?: unknown }) => (typeof field.initialValue === "string" ? field.initialValue : undefined);

export default function EditNeighbourhoodPlan() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { view, measureGroups, organisations, viewerId, isOwner, canWithdraw, citations, map } = useLoaderData<typeof loader>();
  const pickerMap = {
    ...map,
    shapes: map.shapes.map((s) => ({ id: s.id, level: s.level, name: localName(s, lang), boundary: s.boundary })),
  };
  const measureOptions = [...measureGroups.nearby, ...measureGroups.others];
  const measureItems = (list: typeof measureOptions) => list.map((m) => ({ value: String(m.id), label: `${m.code} ${m.title}` }));
  const [params] = useSearchParams();
  const { plan } = view;
  const planId = plan.id;
  const done = params.get("done");

  const organisationName = (id: unknown) => {
    const o = organisations.find((x) => String(x.id) === String(id));
    return o ? localName(o, lang) : "";
  };
  const measureName = (id: unknown) => {
    const m = measureOptions.find((x) => String(x.id) === String(id));
    return m ? `${m.code} ${m.title}` : "";
  };
  const plain = (text: unknown) => (
    <Text size="sm" style={{ whiteSpace: "pre-line" }}>
      {String(text ?? "")}
    </Text>
  );

  const observationFields = (fields: Parameters<Parameters<typeof SectionForm>[0]["children"]>[0]) => (
    <>
      <FieldTextarea field={fields.text} label={t("neighbourhood.editor.observationText")} minRows={2} required />
      <FieldTextInput
        field={fields.placeName}
        label={t("neighbourhood.editor.placeName")}
        description={t("neighbourhood.editor.placeHelp")}
      />
      <MapPointField
        lat={fields.lat}
        lng={fields.lng}
        map={pickerMap}
        label={t("neighbourhood.editor.mapLabel")}
        help={t("neighbourhood.editor.mapHelp")}
      />
    </>
  );
  const goalFields = (fields: Parameters<Parameters<typeof SectionForm>[0]["children"]>[0]) => (
    <FieldTextarea field={fields.text} label={t("neighbourhood.editor.goalText")} minRows={2} required />
  );
  const actionFields = (fields: Parameters<Parameters<typeof SectionForm>[0]["children"]>[0]) => (
    <>
      <FieldTextarea field={fields.text} label={t("neighbourhood.editor.actionText")} minRows={2} required />
      <Group grow align="start">
        <FieldSelect
          field={fields.carriedBy}
          defaultValue={initial(fields.carriedBy) ?? "residents"}
          label={t("neighbourhood.editor.carriedBy")}
          data={PLAN_ACTION_CARRIERS.map((c) => ({ value: c, label: t(`neighbourhood.carriedBy.${c}`) }))}
        />
        <FieldSelect
          field={fields.organisationId}
          defaultValue={initial(fields.organisationId) ?? ""}
          label={t("neighbourhood.editor.organisation")}
          description={t("neighbourhood.editor.organisationHelp")}
          data={[
            { value: "", label: t("neighbourhood.editor.noneChosen") },
            ...organisations.map((o) => ({ value: String(o.id), label: localName(o, lang) })),
          ]}
        />
      </Group>
      <Group grow align="start">
        <FieldTextInput
          field={fields.timeline}
          label={t("neighbourhood.editor.timeline")}
          description={t("neighbourhood.editor.timelineHelp")}
        />
        <FieldTextInput field={fields.dueDate} type="date" label={t("neighbourhood.editor.dueDate")} />
      </Group>
      <FieldSelect
        field={fields.goalId}
        defaultValue={initial(fields.goalId) ?? ""}
        label={t("neighbourhood.editor.goalLink")}
        data={[
          { value: "", label: t("neighbourhood.editor.noneChosen") },
          ...view.goals.map((g, i) => ({ value: String(g.id), label: `${i + 1}. ${g.text.slice(0, 80)}` })),
        ]}
      />
      <FieldSelect
        field={fields.measureId}
        defaultValue={initial(fields.measureId) ?? ""}
        label={t("neighbourhood.editor.measureLink")}
        description={t("neighbourhood.editor.measureHelp")}
        data={[
          { value: "", label: t("neighbourhood.editor.noneChosen") },
          // Two labelled groups (optgroup): the measures aimed at the plan's area, then the rest.
          ...(measureGroups.nearby.length
            ? [
                {
                  group: t("publicSite.linkPicker.nearby", { area: localName(view.area, lang) }),
                  items: measureItems(measureGroups.nearby),
                },
              ]
            : []),
          ...(measureGroups.others.length ? [{ group: t("publicSite.linkPicker.others"), items: measureItems(measureGroups.others) }] : []),
        ]}
      />
    </>
  );

  return (
    <DirtyProvider>
      <Stack gap="lg" maw={900}>
        <Stack gap={4}>
          <Anchor component={Link} to={`/neighbourhood-plans/${planId}`} size="sm">
            ← {t("neighbourhood.editor.viewPlan")}
          </Anchor>
          <Title order={1}>{t("neighbourhood.editor.title")}</Title>
          <Group gap="xs">
            <Text fw={600}>{plan.title}</Text>
            <PlanStatusBadge status={plan.status} />
            <Text size="sm" c="dimmed">
              {localName(view.area, lang)}
            </Text>
          </Group>
        </Stack>
        <Notice message={params.get("saved") ? t("neighbourhood.done.saved") : null} />
        {done === "removed" ||
        done === "cited" ||
        done === "uncited" ||
        done === "coauthorRemoved" ||
        done === "coauthorAdded" ||
        done === "coauthorInvited" ? (
          <Alert color="green" role="status">
            {done === "coauthorAdded"
              ? t("neighbourhood.coauthors.added", { name: params.get("name") ?? "" })
              : done === "coauthorInvited"
                ? t("neighbourhood.coauthors.invited", { email: params.get("email") ?? "" })
                : t(`neighbourhood.done.${done}`)}
          </Alert>
        ) : null}
        <Notice
          tone="error"
          message={done === "inviteMailFailed" ? t("neighbourhood.coauthors.inviteMailFailed", { email: params.get("email") ?? "" }) : null}
        />
        {plan.status === "changes_requested" ? (
          <ChangesRequestedBanner feedback={view.feedback}>{t("neighbourhood.statusInfo.changes_requested")}</ChangesRequestedBanner>
        ) : null}
        <Text>{t("neighbourhood.editor.intro")}</Text>

        <PlanSection id="section-basics" title={t("neighbourhood.editor.basics")}>
          <SectionForm
            planId={planId}
            formKey="basics"
            intent="basics"
            schema={BasicsSchema}
            rev={plan.basicsRev}
            defaultValue={{ title: plan.title, situation: plan.situation }}
            autosave
            submitLabel={t("neighbourhood.editor.save")}
            describeTheirs={(c) => (
              <>
                {plain(c.title)}
                {plain(c.situation)}
              </>
            )}
          >
            {(fields) => (
              <>
                <FieldTextInput field={fields.title} label={t("neighbourhood.editor.planTitle")} required />
                <FieldTextarea
                  field={fields.situation}
                  label={t("neighbourhood.editor.situation")}
                  description={t("neighbourhood.editor.situationHelp")}
                  minRows={4}
                />
              </>
            )}
          </SectionForm>
          <WrittenBy name={plan.basicsAuthorName} />
        </PlanSection>

        <PlanItemSection
          planId={planId}
          kind="observation"
          schema={ObservationSchema}
          items={view.observations}
          valuesOf={(o) => ({
            text: o.text,
            placeName: o.placeName ?? "",
            lat: o.lat == null ? "" : String(o.lat),
            lng: o.lng == null ? "" : String(o.lng),
          })}
          newValues={{}}
          describeTheirs={(c) => (
            <>
              {plain(c.text)}
              {c.placeName ? plain(c.placeName) : null}
            </>
          )}
          fields={observationFields}
        />

        <PlanItemSection
          planId={planId}
          kind="goal"
          schema={GoalSchema}
          items={view.goals}
          valuesOf={(g) => ({ text: g.text })}
          newValues={{}}
          describeTheirs={(c) => plain(c.text)}
          fields={goalFields}
        />

        <PlanItemSection
          planId={planId}
          kind="action"
          schema={ActionSchema}
          items={view.actions}
          valuesOf={(a) => ({
            text: a.text,
            carriedBy: a.carriedBy,
            organisationId: a.organisationId ? String(a.organisationId) : "",
            timeline: a.timeline,
            dueDate: a.dueDate ?? "",
            goalId: a.goalId ? String(a.goalId) : "",
            measureId: a.measureId ? String(a.measureId) : "",
          })}
          newValues={{ carriedBy: "residents" }}
          describeTheirs={(c) => (
            <>
              {plain(c.text)}
              <Text size="sm">
                {t(`neighbourhood.carriedBy.${String(c.carriedBy)}`)}
                {c.organisationId ? ` · ${organisationName(c.organisationId)}` : ""}
                {c.timeline ? ` · ${String(c.timeline)}` : ""}
                {c.measureId ? ` · ${measureName(c.measureId)}` : ""}
              </Text>
            </>
          )}
          fields={actionFields}
        />

        <PlanSection id="section-citations" title={t("neighbourhood.citations.title")} intro={t("neighbourhood.citations.intro")}>
          <Citations areaId={view.area.id} {...citations} />
        </PlanSection>

        <PlanSection id="section-authors" title={t("neighbourhood.coauthors.title")} intro={t("neighbourhood.coauthors.intro")}>
          <Coauthors authors={view.authors} viewerId={viewerId} isOwner={isOwner} />
        </PlanSection>

        <SubmitSection planId={planId} status={plan.status} missing={view.missing} canWithdraw={canWithdraw} />
      </Stack>
    </DirtyProvider>
  );
}

type CitationRow = Pick<ListedObservation, "categoryId" | "description">;

/** The plan's citations of published map observations: the cited ones, each removable, and a choice of the rest. */
function Citations({ areaId, cited, citable, categories }: { areaId: number } & SerializeFrom<typeof loader>["citations"]) {
  const { t, i18n } = useTranslation();
  const actionData = useActionData<SectionReply>();
  const navigation = useNavigation();
  const error = actionData?.formKey === "citations" ? actionData.error : undefined;
  const title = (o: CitationRow) => {
    const category = categories.find((c) => c.id === o.categoryId);
    const text = o.description.length > 70 ? `${o.description.slice(0, 67)}…` : o.description;
    return `${category ? localName(category, i18n.language) : ""}: ${text}`;
  };
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Stack gap="md">
      <Notice tone="error" message={error ? t(error) : null} />
      {cited.length ? (
        <LinkedObservations
          items={cited}
          categories={categories}
          title={t("neighbourhood.citations.cited")}
          headingOrder={3}
          action={(o) => (
            <IntentButton
              intent="uncite"
              values={{ formKey: "citations", observationId: o.id }}
              formStyle={{ display: "inline" }}
              label={t("neighbourhood.citations.uncite", { name: title(o) })}
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={busy("uncite")}
            />
          )}
        />
      ) : (
        <Text size="sm">{t("neighbourhood.citations.noneCited")}</Text>
      )}
      {citable.length ? (
        <IntentForm intent="cite" values={{ formKey: "citations" }}>
          <Group align="end" gap="sm">
            <NativeSelect
              name="observationId"
              label={t("neighbourhood.citations.choose")}
              data={citable.map((o) => ({
                value: String(o.id),
                label: `${title(o)} (${localName({ nameFi: o.areaNameFi, nameSv: o.areaNameSv }, i18n.language)})`,
              }))}
              style={{ flex: 1, minWidth: 260 }}
            />
            <Button type="submit" variant="light" loading={busy("cite")}>
              {t("neighbourhood.citations.cite")}
            </Button>
          </Group>
        </IntentForm>
      ) : (
        <Text size="sm">{t("neighbourhood.citations.noneToCite")}</Text>
      )}
      <Anchor component={Link} to={`/observations?area=${areaId}`} size="sm" underline="always">
        {t("neighbourhood.citations.browse")}
      </Anchor>
    </Stack>
  );
}

type AuthorRow = { userId: string; name: string; role: "owner" | "coauthor" };

function Coauthors({ authors, viewerId, isOwner }: { authors: AuthorRow[]; viewerId: string; isOwner: boolean }) {
  const { t } = useTranslation();
  const actionData = useActionData<SectionReply>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(AddCoauthorSchema, {
    id: "coauthors",
    lastResult: actionData?.formKey === "coauthors" ? actionData.result : undefined,
    shouldRevalidate: "onInput",
  });
  return (
    <Stack gap="md">
      <List spacing="xs" listStyleType="none" ml={0} pl={0}>
        {authors.map((a) => (
          <List.Item key={a.userId}>
            <Group gap="xs">
              <Text>{a.name}</Text>
              <Badge variant="light" color={a.role === "owner" ? "city" : "dark"}>
                {t(`neighbourhood.plan.${a.role}`)}
              </Badge>
              {a.role === "coauthor" && (isOwner || a.userId === viewerId) ? (
                <IntentButton
                  intent="removeCoauthor"
                  values={{ userId: a.userId }}
                  label={a.userId === viewerId ? t("neighbourhood.coauthors.leave") : t("neighbourhood.coauthors.remove", { name: a.name })}
                  size="xs"
                  variant="subtle"
                  color="red"
                />
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
      <IntentForm intent="addCoauthor" {...getFormProps(form)}>
        <Stack gap="xs" maw={520}>
          <FormErrors errors={form.errors} />
          <FieldTextInput field={fields.email} type="email" autoComplete="off" label={t("neighbourhood.coauthors.email")} />
          <Group>
            <Button
              type="submit"
              variant="light"
              loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "addCoauthor"}
            >
              {t("neighbourhood.coauthors.add")}
            </Button>
          </Group>
        </Stack>
      </IntentForm>
    </Stack>
  );
}

function SubmitSection({
  planId,
  status,
  missing,
  canWithdraw,
}: {
  planId: number;
  status: string;
  missing: string[];
  canWithdraw: boolean;
}) {
  const { t } = useTranslation();
  const unsaved = useUnsavedCount();
  const actionData = useActionData<SectionReply & { missing?: string[] }>();
  const navigation = useNavigation();
  const submitError = actionData?.formKey === "submit" ? actionData : null;
  const stillMissing = submitError?.missing ?? missing;
  return (
    <PlanSection id="section-submit" title={t("neighbourhood.submit.title")} intro={t("neighbourhood.submit.intro")}>
      {submitError?.error ? (
        <Alert color="red" role="alert">
          {t(submitError.error, { missing: stillMissing.map((m) => t(`neighbourhood.missing.${m}`)).join(", ") })}
        </Alert>
      ) : stillMissing.length ? (
        <Text size="sm">
          {t("neighbourhood.submit.missing", { missing: stillMissing.map((m) => t(`neighbourhood.missing.${m}`)).join(", ") })}
        </Text>
      ) : null}
      {unsaved > 0 ? <Text size="sm">{t("neighbourhood.submit.waitForSaves")}</Text> : null}
      <Group>
        <IntentForm intent="submit">
          <Button
            type="submit"
            disabled={unsaved > 0}
            loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "submit"}
          >
            {status === "changes_requested" ? t("neighbourhood.submit.resubmit") : t("neighbourhood.submit.button")}
          </Button>
        </IntentForm>
        {canWithdraw ? (
          <Anchor component={Link} to={`/neighbourhood-plans/${planId}#plan-withdraw`} size="sm">
            {t("neighbourhood.submit.withdrawElsewhere")}
          </Anchor>
        ) : null}
      </Group>
    </PlanSection>
  );
}
