import { Button, Card, Select, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../components/notify";
import { useMe } from "../../shell/me";
import { Page } from "../../shell/Page";
import { trpc } from "../../trpc";

/** The zones this browser knows, for the time zone picker (streak days follow the student's calendar). */
const TIME_ZONES = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
  "timeZone",
) ?? ["UTC"];

/** The profile: name and time zone for everyone; students also choose how they appear on class boards. */
export function Settings() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [nickname, setNickname] = useState(me.leaderboard?.leaderboardNickname ?? "");
  const [optOut, setOptOut] = useState(me.leaderboard?.leaderboardOptOut ?? false);
  const save = useMutation(
    trpc.user.updateProfile.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t("settings.saved"));
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        await queryClient.invalidateQueries(trpc.leaderboard.pathFilter());
      },
      onError: notifyError,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      name,
      timeZone,
      ...(me.leaderboard ? { leaderboardNickname: nickname.trim() || null, leaderboardOptOut: optOut } : {}),
    });
  };
  return (
    <Page title={t("settings.title")}>
      <form onSubmit={submit}>
        <Stack maw={560} gap="lg">
          <Card withBorder component="section" aria-labelledby="profile-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="profile-heading">
                {t("settings.profile")}
              </Title>
              <TextInput
                label={t("settings.name")}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                maxLength={120}
                required
              />
              <Select
                label={t("settings.timeZone")}
                description={t("settings.timeZoneHint")}
                data={TIME_ZONES}
                value={timeZone}
                onChange={(zone) => zone && setTimeZone(zone)}
                searchable
                allowDeselect={false}
                nothingFoundMessage={t("settings.noZone")}
              />
            </Stack>
          </Card>
          {me.leaderboard && (
            <Card withBorder component="section" aria-labelledby="boards-heading">
              <Stack gap="sm">
                <Title order={2} size="h4" id="boards-heading">
                  {t("settings.boards")}
                </Title>
                <Text size="sm" c="dimmed">
                  {t("settings.boardsHint")}
                </Text>
                <TextInput
                  label={t("settings.nickname")}
                  description={t("settings.nicknameHint")}
                  value={nickname}
                  onChange={(e) => setNickname(e.currentTarget.value)}
                  maxLength={40}
                  disabled={optOut}
                />
                <Switch
                  label={t("settings.optOut")}
                  checked={optOut}
                  onChange={(e) => setOptOut(e.currentTarget.checked)}
                />
              </Stack>
            </Card>
          )}
          <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
            {t("settings.save")}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}
