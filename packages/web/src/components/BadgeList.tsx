import { Badge, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";

const RARITY_COLORS: Record<string, string> = {
  COMMON: "gray",
  RARE: "blue",
  EPIC: "grape",
  LEGENDARY: "orange",
};

export type BadgeItem = {
  id: string;
  name: string;
  description: string;
  rarity: string;
  /** The share of students holding it, which its rarity follows. */
  holderShare?: number | null;
  unlockedAt?: Date | null;
};

/** Badges with their rarity and what each needs; unlocked ones say when. */
export function BadgeList({ badges }: { badges: BadgeItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
      {badges.map((badge) => (
        <Card
          key={badge.id}
          withBorder
          style={badge.unlockedAt === null ? { borderStyle: "dashed" } : undefined}
        >
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>{badge.name}</Text>
              <Badge color={RARITY_COLORS[badge.rarity] ?? "gray"}>
                {t(`badges.rarity.${badge.rarity as "COMMON"}`)}
              </Badge>
            </Group>
            <Text size="sm">{badge.description}</Text>
            {badge.holderShare != null && (
              <Text size="xs" c="dimmed">
                {t("badges.heldBy", { share: f.number(badge.holderShare * 100) })}
              </Text>
            )}
            {badge.unlockedAt !== undefined && (
              <Text
                size="xs"
                c={badge.unlockedAt ? undefined : "dimmed"}
                fw={badge.unlockedAt ? 600 : undefined}
              >
                {badge.unlockedAt
                  ? t("badges.unlocked", { date: f.date(badge.unlockedAt) })
                  : t("badges.locked")}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
