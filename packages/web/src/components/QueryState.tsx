import { Alert, Button, Center, Loader, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Loading, error (with a retry) and empty states around one query; renders its data otherwise. */
export function QueryState<T>(props: {
  query: UseQueryResult<T, { message: string }>;
  label?: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { query } = props;
  if (query.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={props.label ?? t("common.loading")} />
      </Center>
    );
  if (query.isError)
    return (
      <Alert color="red" title={t("common.loadFailed")} role="alert">
        <Text size="sm" mb="xs">
          {query.error.message}
        </Text>
        <Button size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
          {t("common.retry")}
        </Button>
      </Alert>
    );
  if (props.isEmpty?.(query.data))
    return (
      <Text c="dimmed" py="sm">
        {props.empty ?? t("common.empty")}
      </Text>
    );
  return <>{props.children(query.data)}</>;
}
