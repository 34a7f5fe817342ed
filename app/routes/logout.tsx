import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/server/people/auth.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}
