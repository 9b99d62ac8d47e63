import { Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";
import { useLive } from "../live/useLive";
import { trpc } from "../trpc";
import { QueryState } from "./QueryState";

/** A class's top ten, kept current from the class's leaderboard stream; the viewer's row is marked. */
export function Leaderboard(props: { classId: string; highlightStudentId?: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const top = useQuery(trpc.leaderboard.top.queryOptions({ classId: props.classId, limit: 10 }));
  useLive("leaderboard", props.classId, [trpc.leaderboard.pathFilter()]);
  return (
    <QueryState query={top} isEmpty={(rows) => rows.length === 0} empty={t("leaderboard.empty")}>
      {(rows) => (
        <Table>
          <Table.Caption>{t("leaderboard.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("leaderboard.rank")}</Table.Th>
              <Table.Th>{t("leaderboard.name")}</Table.Th>
              <Table.Th ta="right">{t("leaderboard.points")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const mine = row.studentId === props.highlightStudentId;
              return (
                <Table.Tr key={row.studentId} bg={mine ? "var(--mantine-primary-color-light)" : undefined}>
                  <Table.Td>{row.rank}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={mine ? 700 : undefined}>
                      {row.name}
                      {mine && ` (${t("leaderboard.you")})`}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{f.number(row.points)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}
