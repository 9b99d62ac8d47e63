import { Card, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";
import type { Outputs } from "../trpc";

type LevelState = Outputs["gamification"]["progress"];

/** Level, points, the bar to the next level and the streak. */
export function LevelProgress({ progress }: { progress: LevelState }) {
  const { t } = useTranslation();
  const f = useFormat();
  const span = progress.nextLevelAt === null ? 0 : progress.nextLevelAt - progress.levelStartsAt;
  const percent = span > 0 ? Math.round(((progress.points - progress.levelStartsAt) / span) * 100) : 100;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={700} size="xl">
            {t("progress.level", { level: progress.level })}
          </Text>
          <Text>{t("progress.points", { points: f.number(progress.points) })}</Text>
        </Group>
        <Progress value={percent} size="lg" aria-label={t("progress.toNext")} />
        <Text size="sm" c="dimmed">
          {progress.nextLevelAt === null
            ? t("progress.maxLevel")
            : t("progress.pointsToNext", {
                points: f.number(progress.pointsToNextLevel),
                level: progress.level + 1,
              })}
        </Text>
        <Text size="sm">
          {t("progress.streak", { count: progress.streak })} ·{" "}
          {t("progress.freezes", { count: progress.streakFreezes, max: progress.maxStreakFreezes })}
        </Text>
      </Stack>
    </Card>
  );
}
