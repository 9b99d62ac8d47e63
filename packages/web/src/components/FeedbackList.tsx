import { Card, Group, Rating, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";

export type FeedbackItem = {
  id: string;
  content: string;
  rating: number | null;
  createdAt: Date;
  teacher: { name: string };
};

/** Teachers' feedback, with the author's line breaks kept. */
export function FeedbackList({ items }: { items: FeedbackItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (items.length === 0) return <Text c="dimmed">{t("feedback.none")}</Text>;
  return (
    <Stack gap="sm">
      {items.map((item) => (
        <Card
          key={item.id}
          withBorder
          component="article"
          aria-label={t("feedback.from", { name: item.teacher.name })}
        >
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {t("feedback.from", { name: item.teacher.name })} · {f.dateTime(item.createdAt)}
            </Text>
            {item.rating !== null && (
              <Rating
                value={item.rating}
                readOnly
                role="img"
                aria-label={t("feedback.rating", { rating: item.rating })}
              />
            )}
          </Group>
          <Text className="preserve-lines">{item.content}</Text>
        </Card>
      ))}
    </Stack>
  );
}
