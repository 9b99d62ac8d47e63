/**
 * A request URL's query parameters as tRPC reads them (`new URL(url).searchParams`): the part between `?` and
 * any `#`, decoded by WHATWG rules, without building a whole URL. Limits and the single-query path must see the
 * very input tRPC would, so both read it through here.
 */
export function searchParams(url: string): URLSearchParams {
  const start = url.indexOf("?");
  if (start < 0) return new URLSearchParams();
  const end = url.indexOf("#", start);
  return new URLSearchParams(url.slice(start + 1, end < 0 ? undefined : end));
}
