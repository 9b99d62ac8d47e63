import type { QueryFilters } from "@tanstack/react-query";
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { trpc } from "../trpc";

type Resource = "submission" | "grievance" | "leaderboard" | "feedback" | "student";

/**
 * Keeps queries current from one resource's change stream (`updates.onChange` over server-sent events): each
 * event refetches the queries the filters name. The link resumes after a dropped connection from the last
 * event id, so nothing is missed.
 */
export function useLive(resource: Resource, id: string | null | undefined, refresh: QueryFilters[]) {
  const queryClient = useQueryClient();
  useSubscription(
    trpc.updates.onChange.subscriptionOptions(
      { resource, id: id ?? "" },
      {
        enabled: Boolean(id),
        onData: () => {
          for (const filter of refresh) void queryClient.invalidateQueries(filter);
        },
      },
    ),
  );
}
