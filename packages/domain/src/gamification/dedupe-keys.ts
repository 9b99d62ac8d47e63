// The unique keys of GamificationEvent rows: an award whose key exists already was made before, so a retried
// job, a duplicate job or a second seed run changes nothing.

export const submissionEventKey = (submissionId: string) => `submission:${submissionId}`;

export const badgeEventKey = (studentId: string, badgeId: string) => `badge:${studentId}:${badgeId}`;
