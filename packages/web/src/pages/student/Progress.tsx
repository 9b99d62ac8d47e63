import { Table, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { BadgeList } from "../../components/BadgeList";
import { LoadMore } from "../../components/LoadMore";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { Page } from "../../shell/Page";
import { trpc } from "../../trpc";

/** Points history and the badge catalog, with what each badge needs and which are unlocked. */
export function Progress() {
  const { t } = useTranslation();
  const f = useFormat();
  const events = useInfiniteQuery(
    trpc.gamification.events.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const catalog = useQuery(trpc.badge.list.queryOptions());
  const mine = useQuery(trpc.badge.mine.queryOptions());
  const unlocked = new Map(mine.data?.map((b) => [b.badge.id, b.unlockedAt]));
  return (
    <Page title={t("progressPage.title")}>
      <section aria-labelledby="history-heading">
        <Title order={2} size="h3" id="history-heading" mb="sm">
          {t("progressPage.history")}
        </Title>
        <QueryState
          query={events}
          isEmpty={(data) => data.pages[0]?.items.length === 0}
          empty={t("progressPage.noEvents")}
        >
          {(data) => (
            <>
              <Table.ScrollContainer minWidth={0}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("progressPage.when")}</Table.Th>
                      <Table.Th>{t("progressPage.what")}</Table.Th>
                      <Table.Th ta="right">{t("progressPage.points")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.pages
                      .flatMap((page) => page.items)
                      .map((event) => (
                        <Table.Tr key={event.id}>
                          <Table.Td>{f.dateTime(event.createdAt)}</Table.Td>
                          <Table.Td>
                            {t(`events.${event.eventType as "SUBMISSION"}`, {
                              defaultValue: event.eventType,
                            })}
                            {event.badgeUnlocked && ` · ${event.badgeUnlocked.name}`}
                          </Table.Td>
                          <Table.Td ta="right">+{f.number(event.pointsAwarded)}</Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <LoadMore query={events} />
            </>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="catalog-heading">
        <Title order={2} size="h3" id="catalog-heading" mb="sm">
          {t("progressPage.catalog")}
        </Title>
        <QueryState query={catalog}>
          {(badges) => (
            <BadgeList badges={badges.map((b) => ({ ...b, unlockedAt: unlocked.get(b.id) ?? null }))} />
          )}
        </QueryState>
      </section>
    </Page>
  );
}
