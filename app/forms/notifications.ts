// The notification inbox's buttons: mark all read, mark one read, or open one (marking it read).
// Messages are translation keys (z.ts).
import { z } from "./z";

export const NotificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("all") }),
  z.object({ intent: z.literal("one"), id: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("open"), id: z.coerce.number().int().positive(), to: z.string().regex(/^\/[^/\\]/) }),
]);
