import { Accordion, Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";
import type { Outputs } from "../trpc";

type Finding = Outputs["submission"]["get"]["findings"][number];
const SEVERITY_COLORS: Record<string, string> = {
  INFO: "gray",
  MINOR: "blue",
  MAJOR: "orange",
  CRITICAL: "red",
};

/** Findings grouped by file (worst file first, as the api orders them), each with line, rule and metric. */
export function Findings({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (findings.length === 0) return <Text c="dimmed">{t("findings.none")}</Text>;
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings)
    byFile.set(finding.filePath, [...(byFile.get(finding.filePath) ?? []), finding]);
  return (
    <Accordion multiple defaultValue={[...byFile.keys()].slice(0, 3)} variant="separated">
      {[...byFile].map(([file, items]) => (
        <Accordion.Item key={file} value={file}>
          <Accordion.Control>
            <Group gap="xs" wrap="nowrap">
              <Text ff="monospace" size="sm" className="break-anywhere">
                {file}
              </Text>
              <Badge>{t("findings.count", { count: items.length })}</Badge>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Table.ScrollContainer minWidth={0}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("findings.line")}</Table.Th>
                    <Table.Th>{t("findings.severity")}</Table.Th>
                    <Table.Th>{t("findings.message")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={`${item.line}-${item.rule}-${item.message}`}>
                      <Table.Td>
                        {item.endLine && item.endLine !== item.line
                          ? `${item.line}–${item.endLine}`
                          : item.line}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={SEVERITY_COLORS[item.severity] ?? "gray"}>
                          {t(`findings.severities.${item.severity as "MINOR"}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td className="break-anywhere">
                        <Text size="sm">{item.message}</Text>
                        <Text size="xs" c="dimmed">
                          {item.rule}
                          {item.metricValue !== null &&
                            ` · ${t("findings.metric", { value: f.number(item.metricValue, 1) })}`}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
