import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGithubUrl } from "../src/index";

describe("parseGithubUrl", () => {
  it("accepts repositories and refs, normalising a trailing slash and .git", () => {
    expect(parseGithubUrl("https://github.com/octo-cat/hello.world")).toEqual({
      owner: "octo-cat",
      repo: "hello.world",
      ref: null,
      url: "https://github.com/octo-cat/hello.world",
    });
    expect(parseGithubUrl("https://github.com/a/b.git/")).toMatchObject({
      repo: "b",
      url: "https://github.com/a/b",
    });
    expect(parseGithubUrl("https://github.com/a/b/tree/feature/x-1")).toMatchObject({
      ref: "feature/x-1",
      url: "https://github.com/a/b/tree/feature/x-1",
    });
  });

  it.each([
    ["http://github.com/a/b", "https"],
    ["https://gitlab.com/a/b", "github.com"],
    ["https://github.com.evil.example/a/b", "github.com"],
    ["https://github.com:8443/a/b", "github.com"],
    ["https://user:pw@github.com/a/b", "credentials"],
    ["https://github.com/a/b?x=1", "query"],
    ["https://github.com/a/b#readme", "query or fragment"],
    ["https://github.com/a", "repository"],
    ["https://github.com/-a/b", "owner"],
    ["https://github.com/a/b/blob/main/x.py", "/tree/"],
    ["https://github.com/a/b/tree/../../etc", "segments"],
    ["https://github.com/a/b/tree/", "/tree/"],
    ["javascript:alert(1)", "https"],
    ["not a url", "URL"],
    [`https://github.com/${"a".repeat(40)}/b`, "owner"],
    [`https://github.com/a/${"b".repeat(101)}`, "repository"],
  ])("rejects %s", (url, reason) => {
    const result = parseGithubUrl(url);
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toContain(reason);
  });

  it("only ever yields https://github.com URLs (property)", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), (url, junk) => {
        for (const candidate of [url, `https://github.com/${junk}`]) {
          const result = parseGithubUrl(candidate);
          if (!("error" in result)) expect(result.url.startsWith("https://github.com/")).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
