import { List, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";
import type { Outputs } from "../trpc";

type Summary = NonNullable<Outputs["submission"]["get"]["analysisSummary"]>;

/** The files that carry the most debt, and what was measured but left out of the score (and why). */
export function Hotspots({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const excluded = (["tests", "data", "starter"] as const).filter(
    (reason) => summary.excluded[reason].length > 0,
  );
  return (
    <section aria-labelledby="hotspots-heading">
      <Title order={2} size="h3" id="hotspots-heading" mb="sm">
        {t("hotspots.title")}
      </Title>
      {summary.hotspots.length === 0 ? (
        <Text c="dimmed">{t("hotspots.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table>
            <Table.Caption>{t("hotspots.caption", { minutes: f.number(summary.debtMinutes) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("hotspots.file")}</Table.Th>
                <Table.Th ta="right">{t("hotspots.debt")}</Table.Th>
                <Table.Th ta="right">{t("hotspots.lines")}</Table.Th>
                <Table.Th ta="right">{t("hotspots.findings")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.hotspots.map((h) => (
                <Table.Tr key={h.filePath}>
                  <Table.Td className="break-anywhere">
                    <Text size="sm" ff="monospace">
                      {h.filePath}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {t("hotspots.minutes", { minutes: f.number(h.debtMinutes) })}
                  </Table.Td>
                  <Table.Td ta="right">{f.number(h.lines)}</Table.Td>
                  <Table.Td ta="right">{f.number(h.findings)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {excluded.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t("hotspots.excluded")}
          </Text>
          <List size="sm">
            {excluded.map((reason) => (
              <List.Item key={reason} className="break-anywhere">
                {t(`hotspots.reasons.${reason}`, { count: summary.excluded[reason].length })}:{" "}
                {summary.excluded[reason].slice(0, 5).join(", ")}
                {summary.excluded[reason].length > 5 && " …"}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {summary.capped && (
        <Text size="sm" c="dimmed" mt="xs">
          {t("hotspots.capped", {
            stored: f.number(summary.findingsStored),
            total: f.number(summary.findingsTotal),
          })}
        </Text>
      )}
    </section>
  );
}
