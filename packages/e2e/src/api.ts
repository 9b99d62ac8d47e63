// Calling the api directly from a spec, for setting up data faster than through the pages. tRPC over HTTP with
// superjson's wire format; inputs must be plain JSON (no Date, Map, ...). Bearer-token sessions, so no cookie of
// the page's is touched and the cookie CSRF guard does not apply.
import type { APIRequestContext } from "@playwright/test";
import type { Account } from "./stack/info";

type TrpcAnswer = { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } };

async function unwrap<T>(path: string, response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as TrpcAnswer;
  if (!response.ok() || body.error) {
    throw new Error(`${path} answered ${response.status()}: ${body.error?.json?.message ?? "no message"}`);
  }
  return body.result?.data?.json as T;
}

const authHeaders = (token?: string): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/** A tRPC query, e.g. `apiQuery(request, "submission.list", {}, token)`. */
export async function apiQuery<T = unknown>(
  request: APIRequestContext,
  path: string,
  input?: unknown,
  token?: string,
): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return unwrap<T>(path, await request.get(`/trpc/${path}${query}`, { headers: authHeaders(token) }));
}

/** A tRPC mutation, e.g. `apiMutation(request, "submission.create", { assignmentId, githubUrl }, token)`. */
export async function apiMutation<T = unknown>(
  request: APIRequestContext,
  path: string,
  input?: unknown,
  token?: string,
): Promise<T> {
  return unwrap<T>(
    path,
    await request.post(`/trpc/${path}`, {
      headers: { ...authHeaders(token), "content-type": "application/json" },
      data: input === undefined ? {} : { json: input },
    }),
  );
}

/** Signs `account` in through the api and returns its bearer token. */
export async function apiSignIn(request: APIRequestContext, account: Account): Promise<string> {
  const { token } = await apiMutation<{ token: string | null }>(request, "auth.login", {
    email: account.email,
    password: account.password,
    session: "token",
  });
  if (!token) throw new Error(`auth.login gave no token for ${account.email}`);
  return token;
}
