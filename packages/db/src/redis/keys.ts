// Every Redis key the platform writes is built here, from the seed's patterns, so no other code writes a
// key string. A deployment-wide prefix (REDIS_KEY_PREFIX) keeps test runs and several deployments apart.

/** Seconds each kind of key lives, from the seed's caching strategy. */
export const TTL_SECONDS = {
  session: 3600,
  cacheDefault: 3600,
  leaderboard: 300,
  studentProgress: 600,
  feedbackSuggestion: 1800,
  /** Streams are replayed by subscribers that reconnect; a day covers any realistic gap. */
  updates: 86_400,
} as const;

/** Cached resources and how long each lives. Adding a resource here is how new cache keys come to exist. */
export const CACHE_RESOURCES = {
  "student-progress": TTL_SECONDS.studentProgress,
  "feedback-suggestion": TTL_SECONDS.feedbackSuggestion,
  "feedback-list": TTL_SECONDS.cacheDefault,
  "badge-catalog": TTL_SECONDS.cacheDefault,
  institution: TTL_SECONDS.cacheDefault,
  /** The classes a user may read (not for admins), so hot reads check access without SQL. */
  "class-access": TTL_SECONDS.studentProgress,
  /** Whether a class's leaderboards are on, so a student's board read checks it without SQL. */
  "class-competition": TTL_SECONDS.studentProgress,
  /** A class's "most improved this week" board: points gained in the last seven days. */
  "most-improved": TTL_SECONDS.leaderboard,
} as const;

export type CacheResource = keyof typeof CACHE_RESOURCES;

/** Resources whose changes are announced on `updates:{resource}:{id}` streams. */
export const UPDATE_RESOURCES = ["submission", "feedback", "grievance", "leaderboard", "student"] as const;
export type UpdateResource = (typeof UPDATE_RESOURCES)[number];

const SEGMENT = /^[A-Za-z0-9_.@-]+$/;

function segment(value: string, what: string): string {
  if (!SEGMENT.test(value))
    throw new Error(`Redis key ${what} must match ${SEGMENT} (got ${JSON.stringify(value)})`);
  return value;
}

export type KeyBuilder = ReturnType<typeof createKeyBuilder>;

export function createKeyBuilder(prefix = "") {
  return {
    prefix,
    session: (userId: string) => `${prefix}session:${segment(userId, "userId")}`,
    /** What session keys start with: the session script appends the user id it finds. */
    sessionPrefix: `${prefix}session:`,
    /** Which user a session token (by its SHA-256) belongs to, so tokens can be opaque. */
    sessionToken: (digest: string) => `${prefix}session-token:${segment(digest, "digest")}`,
    cache: (resource: CacheResource, id: string) => `${prefix}cache:${resource}:${segment(id, "id")}`,
    /** What a resource's cache keys start with: the session script appends the user id it finds. */
    cachePrefix: (resource: CacheResource) => `${prefix}cache:${resource}:`,
    leaderboard: (classId: string) => `${prefix}leaderboard:${segment(classId, "classId")}`,
    /** The names of a board's members (hash studentId → name), built and dropped with the board. */
    leaderboardNames: (classId: string) => `${prefix}leaderboard-names:${segment(classId, "classId")}`,
    updates: (resource: UpdateResource, id: string) => `${prefix}updates:${resource}:${segment(id, "id")}`,
    /** Rate-limit counters: rate-limiter-flexible appends `:{subject}` to this, e.g. ratelimit:login-ip:127.0.0.1. */
    rateLimitPrefix: (scope: string) => `${prefix}ratelimit:${segment(scope, "scope")}`,
    /**
     * BullMQ's key prefix. The braces are a Redis Cluster hash tag: all of a queue's keys land in one slot,
     * which BullMQ's multi-key scripts need on a cluster.
     */
    queuePrefix: `{${prefix}bull}`,
    /** A glob that matches every key of this prefix (for test clean-up and ops). */
    all: `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`,
  };
}
