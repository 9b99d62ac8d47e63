// @edu/domain names the enum values its rules speak in; Prisma's schema names them for storage. This file fails
// to type-check, and its test fails, when the two drift apart.
import * as Prisma from "@edu/db";
import * as Domain from "@edu/domain";
import { describe, expect, it } from "vitest";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(verdict: Same<A, B>) => verdict;

same<Domain.Role, Prisma.Role>(true);
same<Domain.GrievanceCategory, Prisma.GrievanceCategory>(true);
same<Domain.Severity, Prisma.Severity>(true);
same<Domain.GrievanceStatus, Prisma.GrievanceStatus>(true);
same<Domain.BadgeRarity, Prisma.BadgeRarity>(true);
same<Domain.RiskLevel, Prisma.RiskLevel>(true);
same<Domain.FindingSeverity, Prisma.FindingSeverity>(true);
same<Domain.Rating, Prisma.MaintainabilityRating>(true);

describe("enum values", () => {
  it.each([
    [Domain.ROLES, Prisma.Role],
    [Domain.GRIEVANCE_CATEGORIES, Prisma.GrievanceCategory],
    [Domain.SEVERITIES, Prisma.Severity],
    [Domain.GRIEVANCE_STATUSES, Prisma.GrievanceStatus],
    [Domain.BADGE_RARITIES, Prisma.BadgeRarity],
    [Domain.RISK_LEVELS, Prisma.RiskLevel],
    [Domain.FINDING_SEVERITIES, Prisma.FindingSeverity],
    [Domain.RATINGS, Prisma.MaintainabilityRating],
  ])("are the same in @edu/domain and Prisma's schema: %o", (domain, prisma) => {
    expect([...domain].sort()).toEqual(Object.values(prisma).sort());
  });
});
