import { Table, Tabs, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";
import { useLive } from "../live/useLive";
import { trpc } from "../trpc";
import { QueryState } from "./QueryState";

type Row = { rank: number; studentId: string; name: string; value: number; you?: boolean };

/** One board: rank, board name (nickname or name), and points or points gained; the viewer's row marked. */
function BoardTable(props: { rows: Row[]; caption: string; valueLabel: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table>
      <Table.Caption>{props.caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("leaderboard.rank")}</Table.Th>
          <Table.Th>{t("leaderboard.name")}</Table.Th>
          <Table.Th ta="right">{props.valueLabel}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => (
          <Table.Tr
            key={row.studentId}
            bg={row.you ? "var(--mantine-primary-color-light)" : undefined}
            aria-current={row.you ? "true" : undefined}
          >
            <Table.Td>{row.rank}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={row.you ? 700 : undefined} className="break-anywhere">
                {row.name}
                {row.you && ` (${t("leaderboard.you")})`}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{f.number(row.value)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A class's top ten (teachers), kept current from the class's leaderboard stream. */
function TopBoard({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const top = useQuery(trpc.leaderboard.top.queryOptions({ classId, limit: 10 }));
  return (
    <QueryState query={top} isEmpty={(rows) => rows.length === 0} empty={t("leaderboard.empty")}>
      {(rows) => (
        <BoardTable
          caption={t("leaderboard.caption")}
          valueLabel={t("leaderboard.points")}
          rows={rows.map((r) => ({ ...r, value: r.points }))}
        />
      )}
    </QueryState>
  );
}

/** The student's own place with five above and five below. */
function AroundBoard({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const around = useQuery(trpc.leaderboard.around.queryOptions({ classId }));
  return (
    <QueryState query={around}>
      {(board) =>
        board.status === "ranked" ? (
          <BoardTable
            caption={t("leaderboard.aroundCaption")}
            valueLabel={t("leaderboard.points")}
            rows={board.entries.map((r) => ({ ...r, value: r.points }))}
          />
        ) : (
          <Text c="dimmed" size="sm">
            {t(board.status === "opted-out" ? "leaderboard.optedOut" : "leaderboard.unranked")}
          </Text>
        )
      }
    </QueryState>
  );
}

function MostImprovedBoard({ classId, studentId }: { classId: string; studentId?: string | null }) {
  const { t } = useTranslation();
  const board = useQuery(trpc.leaderboard.mostImproved.queryOptions({ classId, limit: 5 }));
  return (
    <QueryState query={board} isEmpty={(rows) => rows.length === 0} empty={t("leaderboard.noImprovement")}>
      {(rows) => (
        <BoardTable
          caption={t("leaderboard.improvedCaption")}
          valueLabel={t("leaderboard.gained")}
          rows={rows.map((r) => ({ ...r, value: r.pointsGained, you: r.studentId === studentId }))}
        />
      )}
    </QueryState>
  );
}

/**
 * A class's boards: for a student their neighbourhood (5 above, 5 below), for teachers the top ten; both with
 * the week's most improved. Live from the class's leaderboard stream.
 */
export function ClassBoards(props: { classId: string; studentId?: string | null }) {
  const { t } = useTranslation();
  useLive("leaderboard", props.classId, [trpc.leaderboard.pathFilter(), trpc.class.pathFilter()]);
  return (
    <Tabs defaultValue="standing" keepMounted={false} variant="pills" mt="xs">
      <Tabs.List>
        <Tabs.Tab value="standing">
          {t(props.studentId ? "leaderboard.aroundTab" : "leaderboard.topTab")}
        </Tabs.Tab>
        <Tabs.Tab value="improved">{t("leaderboard.improvedTab")}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="standing" pt="xs">
        {props.studentId ? <AroundBoard classId={props.classId} /> : <TopBoard classId={props.classId} />}
      </Tabs.Panel>
      <Tabs.Panel value="improved" pt="xs">
        <MostImprovedBoard classId={props.classId} studentId={props.studentId} />
      </Tabs.Panel>
    </Tabs>
  );
}
