import { Code, Table, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LoadMore } from "../../components/LoadMore";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { Page } from "../../shell/Page";
import { trpc } from "../../trpc";

/** The institution's audit trail, newest first (admins). */
export function AuditLog() {
  const { t } = useTranslation();
  const f = useFormat();
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ limit: 50 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  return (
    <Page title={t("audit.title")}>
      <QueryState query={log} isEmpty={(d) => d.pages[0]?.items.length === 0}>
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={0}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("audit.when")}</Table.Th>
                    <Table.Th>{t("audit.action")}</Table.Th>
                    <Table.Th>{t("audit.details")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages
                    .flatMap((page) => page.items)
                    .map((row) => (
                      <Table.Tr key={row.id}>
                        <Table.Td>{f.dateTime(row.createdAt)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {row.action}
                          </Text>
                        </Table.Td>
                        <Table.Td className="break-anywhere">
                          <Code block>{JSON.stringify(row.details)}</Code>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMore query={log} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
