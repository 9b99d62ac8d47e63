import { Badge, Button, Group, Table } from "@mantine/core";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LoadMore } from "../../components/LoadMore";
import { notifyError, notifySuccess } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { AnchorLink } from "../../shell/links";
import { trpc } from "../../trpc";

const LEVEL_COLORS = { LOW: "green", MEDIUM: "yellow", HIGH: "orange", CRITICAL: "red" } as const;

/** Students at medium risk or worse, worst first, a page at a time, each linking to the student's page with the factors. */
export function AtRisk({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const students = useInfiniteQuery(
    trpc.risk.atRisk.infiniteQueryOptions(
      { classId, minLevel: "MEDIUM", limit: 50 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const recompute = useMutation(
    trpc.risk.recompute.mutationOptions({
      onSuccess: () => notifySuccess(t("risk.recomputeQueued")),
      onError: notifyError,
    }),
  );
  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button
          variant="light"
          size="xs"
          loading={recompute.isPending}
          onClick={() => recompute.mutate({ classId })}
        >
          {t("risk.recompute")}
        </Button>
      </Group>
      <QueryState
        query={students}
        isEmpty={(d) => d.pages[0]?.items.length === 0}
        empty={t("risk.noneAtRisk")}
      >
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={0}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("review.student")}</Table.Th>
                    <Table.Th>{t("risk.level")}</Table.Th>
                    <Table.Th ta="right">{t("risk.scoreColumn")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages
                    .flatMap((page) => page.items)
                    .map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>
                          <AnchorLink to="/students/$studentId" params={{ studentId: s.id }}>
                            {s.user.name}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>
                          {s.riskLevel && (
                            <Badge color={LEVEL_COLORS[s.riskLevel]}>{t(`risk.levels.${s.riskLevel}`)}</Badge>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          {s.riskScore === null ? "—" : f.number(s.riskScore * 100)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMore query={students} />
          </>
        )}
      </QueryState>
    </>
  );
}
