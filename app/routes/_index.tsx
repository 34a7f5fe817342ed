import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getViewer } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.home");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  return json({ signedIn: !!viewer, home: viewer ? homePathFor(viewer) : null });
}

/** The public front page: what the platform is and where each visitor goes next. */
export default function FrontPage() {
  const { t } = useTranslation();
  const { signedIn, home } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const levels = ["strategy", "city", "neighbourhood"] as const;
  return (
    <Stack gap="xl" py="md">
      {params.get("accountDeleted") ? (
        <Alert color="green" role="status" maw={760}>
          {t("account.deleted")}
        </Alert>
      ) : null}
      <Stack gap="sm" maw={760}>
        <Title order={1}>{t("front.title")}</Title>
        <Text size="lg">{t("front.lead")}</Text>
        <Group>
          {signedIn && home ? (
            <Button component={Link} to={home}>
              {t("front.toWorkspace")}
            </Button>
          ) : (
            <>
              <Button component={Link} to="/register">
                {t("front.registerCta")}
              </Button>
              <Button component={Link} to="/login" variant="outline">
                {t("auth.signIn")}
              </Button>
            </>
          )}
        </Group>
      </Stack>
      <section aria-labelledby="levels-heading">
        <Title order={2} id="levels-heading" mb="md">
          {t("front.levelsTitle")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {levels.map((level, index) => (
            <Card key={level} withBorder padding="lg">
              <Text fw={700} c="city.8">
                {index + 1}.
              </Text>
              <Title order={3} size="h4">
                {t(`front.levels.${level}.title`)}
              </Title>
              <Text mt="xs">{t(`front.levels.${level}.body`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      <Text size="sm">
        {t("front.publicNote")}{" "}
        <Anchor component={Link} to="/accessibility">
          {t("footer.accessibility")}
        </Anchor>
      </Text>
    </Stack>
  );
}
