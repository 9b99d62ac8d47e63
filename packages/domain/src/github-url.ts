// Submission URLs: strictly https://github.com/{owner}/{repo}, optionally /tree/{ref}. The worker fetches
// exactly what this accepts, so anything looser would widen what it may be made to download.

export type GithubRepoRef = { owner: string; repo: string; ref: string | null; url: string };

// GitHub's rules: owners are 1–39 letters, digits or single inner hyphens; repos 1–100 of [A-Za-z0-9._-].
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
// A git ref name (git check-ref-format, simplified): no "..", no "//", no control or special characters.
const REF = /^(?!.*\.\.)(?!.*\/\/)(?!\/)(?!.*[/.]$)(?!.*\.lock$)[A-Za-z0-9._/-]{1,200}$/;

export function parseGithubUrl(raw: string): GithubRepoRef | { error: string } {
  // URL parsing would silently resolve "." and ".." segments into another path; refuse them instead.
  if (/\/\.{1,2}(?:[/?#]|$)/.test(raw)) return { error: "must not contain . or .. path segments" };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { error: "must be a URL like https://github.com/owner/repo" };
  }
  if (url.protocol !== "https:") return { error: "must use https://" };
  if (url.hostname !== "github.com" || url.port !== "") return { error: "must be on github.com" };
  if (url.username || url.password) return { error: "must not contain credentials" };
  if (url.search || url.hash) return { error: "must not have a query or fragment" };
  const [owner = "", repo = "", tree, ...refParts] = url.pathname.replace(/\/$/, "").split("/").slice(1);
  if (!OWNER.test(owner)) return { error: "has an invalid GitHub owner" };
  const repoName = repo.replace(/\.git$/, "");
  if (!REPO.test(repoName) || repoName === "." || repoName === "..")
    return { error: "has an invalid repository name" };
  if (tree === undefined)
    return { owner, repo: repoName, ref: null, url: `https://github.com/${owner}/${repoName}` };
  const ref = decodeURIComponent(refParts.join("/"));
  if (tree !== "tree" || !REF.test(ref))
    return { error: "may only continue with /tree/{branch, tag or commit}" };
  return { owner, repo: repoName, ref, url: `https://github.com/${owner}/${repoName}/tree/${ref}` };
}
