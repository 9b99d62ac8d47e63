import { useQuery } from "@tanstack/react-query";
import { useRouteContext } from "@tanstack/react-router";
import { type Me, trpc } from "../trpc";

/** The signed-in user: checked on entry by the app route, then kept current by the `auth.me` query. */
export function useMe(): Me {
  const { me } = useRouteContext({ from: "/app" });
  return useQuery(trpc.auth.me.queryOptions()).data ?? me;
}
