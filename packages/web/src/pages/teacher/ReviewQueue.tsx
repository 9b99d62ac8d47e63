import { Badge, SegmentedControl, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AnalysisStatus, NotSubmitted } from "../../components/AnalysisStatus";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { AnchorLink } from "../../shell/links";
import { type Outputs, trpc } from "../../trpc";

type Row = Outputs["assignment"]["reviewQueue"]["rows"][number];
const FILTERS = ["toReview", "all", "notSubmitted"] as const;
type Filter = (typeof FILTERS)[number];

const matches = (row: Row, filter: Filter) =>
  filter === "all" ||
  (filter === "notSubmitted" ? row.submission === null : row.submission !== null && !row.feedbackSent);

/** Who submitted (latest attempt, score, feedback sent or not) and who did not, for one assignment. */
export function ReviewQueue({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState<Filter>("toReview");
  const narrow = useMediaQuery("(max-width: 36em)");
  // New submissions arrive from many students: the queue refreshes itself rather than holding a stream per row.
  const queue = useQuery({
    ...trpc.assignment.reviewQueue.queryOptions({ assignmentId }),
    refetchInterval: 15_000,
  });
  return (
    <section aria-labelledby="queue-heading">
      <Title order={2} size="h3" id="queue-heading" mb="sm">
        {t("review.queue")}
      </Title>
      <SegmentedControl
        mb="sm"
        orientation={narrow ? "vertical" : "horizontal"}
        fullWidth={narrow}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        aria-label={t("review.filter")}
        data={FILTERS.map((value) => ({
          value,
          label: `${t(`review.filters.${value}`)} (${queue.data?.rows.filter((r) => matches(r, value)).length ?? 0})`,
        }))}
      />
      <QueryState query={queue}>
        {(data) => {
          const rows = data.rows.filter((r) => matches(r, filter));
          if (rows.length === 0) return <Text c="dimmed">{t("review.nothing")}</Text>;
          return (
            <Table.ScrollContainer minWidth={0}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("review.student")}</Table.Th>
                    <Table.Th>{t("review.submitted")}</Table.Th>
                    <Table.Th ta="right">{t("submit.score")}</Table.Th>
                    <Table.Th>{t("review.feedback")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.studentId}>
                      <Table.Td>
                        <AnchorLink to="/students/$studentId" params={{ studentId: row.studentId }}>
                          {row.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        {row.submission ? (
                          <>
                            <AnchorLink
                              to="/submissions/$submissionId"
                              params={{ submissionId: row.submission.id }}
                            >
                              {f.dateTime(row.submission.submittedAt)}
                            </AnchorLink>{" "}
                            <AnalysisStatus status={row.submission.analysisStatus} />
                            {row.attempts > 1 && (
                              <Text size="xs" c="dimmed">
                                {t("review.attempts", { count: row.attempts })}
                              </Text>
                            )}
                          </>
                        ) : (
                          <NotSubmitted dueDate={data.assignment.dueDate} />
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {row.submission?.codeQualityScore == null
                          ? "—"
                          : f.number(row.submission.codeQualityScore)}
                      </Table.Td>
                      <Table.Td>
                        {row.submission && (
                          <Badge color={row.feedbackSent ? "green" : "yellow"}>
                            {t(row.feedbackSent ? "review.sentBadge" : "review.notSent")}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </QueryState>
    </section>
  );
}
