import { Button, Card, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { AnchorLink } from "../../shell/links";
import { trpc } from "../../trpc";

/** The enrolled students, and a search over the institution's other students to enroll them. */
export function Roster({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const roster = useQuery(trpc.class.roster.queryOptions({ classId }));
  return (
    <Stack gap="lg">
      <Enroll classId={classId} />
      <QueryState query={roster} isEmpty={(r) => r.length === 0} empty={t("roster.empty")}>
        {(students) => (
          <Table.ScrollContainer minWidth={0}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("roster.name")}</Table.Th>
                  <Table.Th>{t("roster.email")}</Table.Th>
                  <Table.Th>{t("roster.since")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {students.map((s) => (
                  <Table.Tr key={s.studentId}>
                    <Table.Td>
                      <AnchorLink to="/students/$studentId" params={{ studentId: s.studentId }}>
                        {s.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td className="break-anywhere">{s.email}</Table.Td>
                    <Table.Td>{f.date(s.enrolledAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}

function Enroll({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const candidates = useQuery({
    ...trpc.class.enrollable.queryOptions({ classId, query: debounced }),
    enabled: debounced.length >= 2,
  });
  const enroll = useMutation(
    trpc.class.enroll.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t("roster.enrolled"));
        await queryClient.invalidateQueries(trpc.class.pathFilter());
      },
      onError: notifyError,
    }),
  );
  return (
    <Card withBorder component="section" aria-labelledby="enroll-heading">
      <Title order={2} size="h4" id="enroll-heading" mb="xs">
        {t("roster.enrollTitle")}
      </Title>
      <TextInput
        label={t("roster.search")}
        description={t("roster.searchHint")}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maxLength={100}
      />
      {debounced.length >= 2 && (
        <QueryState query={candidates} isEmpty={(c) => c.length === 0} empty={t("roster.noMatches")}>
          {(list) => (
            <Stack gap={4} mt="sm" aria-live="polite">
              {list.map((s) => (
                <Card key={s.studentId} padding="xs" withBorder>
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>
                      {s.name}
                    </Text>
                    <Text size="xs" c="dimmed" className="break-anywhere">
                      {s.email}
                    </Text>
                    <Button
                      size="xs"
                      variant="light"
                      style={{ alignSelf: "flex-start" }}
                      loading={enroll.isPending && enroll.variables?.studentIds[0] === s.studentId}
                      onClick={() => enroll.mutate({ classId, studentIds: [s.studentId] })}
                      aria-label={t("roster.enrollOne", { name: s.name })}
                    >
                      {t("roster.enroll")}
                    </Button>
                  </Stack>
                </Card>
              ))}
            </Stack>
          )}
        </QueryState>
      )}
    </Card>
  );
}
