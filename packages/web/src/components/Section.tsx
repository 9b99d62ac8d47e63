import type { ReactNode } from "react";

export function Section(props: { title: string; children: ReactNode }) {
  return (
    <section className="card">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Loading, error and empty states, the same everywhere. */
export function Loadable<T>(props: {
  query: { isPending: boolean; error: { message: string } | null; data: T | undefined };
  empty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <p className="muted">Loading…</p>;
  if (query.error) return <p role="alert">{query.error.message}</p>;
  if (query.data === undefined) return null;
  if (props.empty?.(query.data)) return <p className="muted">{props.emptyText ?? "Nothing yet."}</p>;
  return <>{props.children(query.data)}</>;
}

export const formatDate = (d: Date) =>
  d.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
