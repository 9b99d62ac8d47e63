// Types for app-role.mjs (plain JavaScript so the Prisma wrapper and the repository scripts run it without tsx).
export declare const DEFAULT_MIGRATION_DATABASE_URL: string;
export declare const DEFAULT_APP_ROLE: string;
export declare const AUDIT_TABLES: readonly string[];
export declare function userOf(url: string): string;
export declare function appUrlFor(ownerUrl: string, options?: { user?: string; password?: string }): string;
export declare function resolveDatabaseUrls(env?: Record<string, string | undefined>): {
  migrationUrl: string;
  appUrl: string;
};
export declare function setUpAppRole(urls: {
  migrationUrl: string;
  appUrl: string;
}): Promise<{ summary: string; warnings: string[] }>;
