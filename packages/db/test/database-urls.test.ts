// Which URL migrates (the owner's) and which one the api and worker get (the application role's).
import { describe, expect, it } from "vitest";
import { appUrlFor, resolveDatabaseUrls, userOf } from "../scripts/app-role.mjs";
import { databaseEnvSchema } from "../src/env";

describe("resolveDatabaseUrls", () => {
  it("defaults to the local postgres as the owner and edu_app as the application role", () => {
    expect(resolveDatabaseUrls({})).toEqual({
      migrationUrl: "postgresql://postgres@127.0.0.1:5432/eduplatform",
      appUrl: "postgresql://edu_app@127.0.0.1:5432/eduplatform",
    });
    // The api's and worker's default is the application role too, never the superuser.
    expect(databaseEnvSchema.parse({}).DATABASE_URL).toBe(resolveDatabaseUrls({}).appUrl);
  });

  it("takes both URLs as given when MIGRATION_DATABASE_URL is set", () => {
    expect(
      resolveDatabaseUrls({
        MIGRATION_DATABASE_URL: "postgresql://edu:o@db:5432/eduplatform",
        DATABASE_URL: "postgresql://app:a@pooler:6432/eduplatform",
        APP_DB_PASSWORD: "ignored",
      }),
    ).toEqual({
      migrationUrl: "postgresql://edu:o@db:5432/eduplatform",
      appUrl: "postgresql://app:a@pooler:6432/eduplatform",
    });
  });

  it("reads a lone DATABASE_URL as the owner's and derives edu_app on the same database, options kept", () => {
    const { migrationUrl, appUrl } = resolveDatabaseUrls({
      DATABASE_URL: "postgresql://edu:o@db:5432/eduplatform?sslmode=require",
      APP_DB_PASSWORD: "p@ss/word",
    });
    expect(migrationUrl).toBe("postgresql://edu:o@db:5432/eduplatform?sslmode=require");
    expect(userOf(appUrl)).toBe("edu_app");
    expect(decodeURIComponent(new URL(appUrl).password)).toBe("p@ss/word");
    expect(new URL(appUrl).host).toBe("db:5432");
    expect(new URL(appUrl).search).toBe("?sslmode=require");
  });

  it("derives the application role from MIGRATION_DATABASE_URL when DATABASE_URL is unset", () => {
    expect(resolveDatabaseUrls({ MIGRATION_DATABASE_URL: "postgresql://edu@db/x" }).appUrl).toBe(
      appUrlFor("postgresql://edu@db/x"),
    );
    expect(userOf("postgresql://db/x")).toBe("postgres");
  });
});
