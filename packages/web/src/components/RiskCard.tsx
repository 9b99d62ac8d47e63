import { Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";
import type { Outputs } from "../trpc";

type Prediction = NonNullable<Outputs["risk"]["forStudent"]["prediction"]>;
type Factor = { feature: string; value: number; contribution: number };
// Shares (0..1) read better as percentages.
const PERCENT_FEATURES = new Set(["missingRate", "engagementScore", "averageQuality"]);
const LEVEL_COLORS = { LOW: "green", MEDIUM: "yellow", HIGH: "orange", CRITICAL: "red" } as const;

/** The latest risk prediction and the factors that drove it, in plain words. */
export function RiskCard(props: { prediction: Prediction | null; own?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const p = props.prediction;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t(props.own ? "risk.ownTitle" : "risk.title")}
          </Title>
          {p && <Badge color={LEVEL_COLORS[p.riskLevel]}>{t(`risk.levels.${p.riskLevel}`)}</Badge>}
        </Group>
        {!p ? (
          <Text c="dimmed">{t("risk.none")}</Text>
        ) : (
          <>
            <Text size="sm">
              {t("risk.score", { score: f.number(p.riskScore * 100), date: f.date(p.predictedAt) })}
            </Text>
            <Text size="sm" fw={600}>
              {t("risk.factors")}
            </Text>
            <List size="sm" spacing={4}>
              {(p.topFactors as Factor[]).map((factor) => (
                <List.Item key={factor.feature}>
                  {t(factor.contribution > 0 ? "risk.raises" : "risk.lowers", {
                    factor: t(`risk.features.${factor.feature as "missingRate"}`, {
                      value: PERCENT_FEATURES.has(factor.feature)
                        ? f.number(factor.value * 100)
                        : f.number(factor.value, 1),
                    }),
                  })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}
