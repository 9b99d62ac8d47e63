import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "./links";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack p="xl" align="flex-start" component="main">
      <Title order={1}>{t("notFound.title")}</Title>
      <Text>{t("notFound.text")}</Text>
      <ButtonLink to="/">{t("notFound.home")}</ButtonLink>
    </Stack>
  );
}
