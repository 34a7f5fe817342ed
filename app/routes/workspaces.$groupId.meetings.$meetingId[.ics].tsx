// A meeting as an iCalendar file (RFC 5545), for any calendar program.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound } from "~/server/people/guard.server";
import { meetingCalendar } from "~/server/workspaces/meetings.server";
import { requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { downloadResponse } from "~/server/platform/downloads.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId);
  const meetingId = idParam(params.meetingId);
  const ics = meetingCalendar(viewer, groupId, meetingId);
  if (!ics) notFound();
  return downloadResponse(ics, { type: "text/calendar; charset=utf-8", name: `meeting-${meetingId}.ics` });
}
