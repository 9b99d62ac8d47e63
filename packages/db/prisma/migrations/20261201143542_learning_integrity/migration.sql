-- CreateEnum
CREATE TYPE "MaintainabilityRating" AS ENUM ('A', 'B', 'C', 'D', 'E');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "starterPaths" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Badge" ADD COLUMN     "holderShare" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "competitionEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "GamificationEvent" ADD COLUMN     "assignmentId" UUID;

-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "leaderboardNickname" TEXT,
ADD COLUMN     "leaderboardOptOut" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "streakFreezes" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "analysisSummary" JSONB,
ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "maintainabilityRating" "MaintainabilityRating";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateIndex
CREATE INDEX "Submission_studentId_assignmentId_contentHash_idx" ON "Submission"("studentId", "assignmentId", "contentHash");
