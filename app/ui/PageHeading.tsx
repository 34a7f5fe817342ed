// A page's own heading and the one-paragraph introduction under it, the same on every page.
import { Stack, Text, Title, type TitleOrder } from "@mantine/core";
import type { ReactNode } from "react";

export function PageHeading({ title, intro, order = 1 }: { title: ReactNode; intro?: ReactNode; order?: TitleOrder }) {
  return (
    <Stack gap={4}>
      <Title order={order}>{title}</Title>
      {intro ? <Text maw={760}>{intro}</Text> : null}
    </Stack>
  );
}
