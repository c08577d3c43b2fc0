-- CreateTable
CREATE TABLE "MentoringProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "topics" TEXT NOT NULL DEFAULT ',',
    "availability" TEXT NOT NULL DEFAULT ',',
    "mode" TEXT NOT NULL,
    "area" TEXT NOT NULL DEFAULT '',
    "mentorGender" TEXT NOT NULL DEFAULT 'any',
    "gender" TEXT,
    "affiliation" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "about" TEXT NOT NULL DEFAULT '',
    "shareEmail" BOOLEAN NOT NULL DEFAULT false,
    "contactHandle" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL,
    "approvedAt" DATETIME,
    "approvedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MentoringProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MentoringMatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT ',',
    "menteeAcceptedAt" DATETIME,
    "mentorAcceptedAt" DATETIME,
    "declinedBy" TEXT,
    "proposedAt" DATETIME,
    "expiresAt" DATETIME,
    "activatedAt" DATETIME,
    "lastCheckInAt" DATETIME,
    "firstMetAt" DATETIME,
    "menteeFit" TEXT,
    "mentorFit" TEXT,
    "rematchRequestedAt" DATETIME,
    "rematchNote" TEXT NOT NULL DEFAULT '',
    "checkInDueAt" DATETIME,
    "endedAt" DATETIME,
    "endedBy" TEXT,
    "endFeedback" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MentoringMatch_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentoringMatch_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MentoringCheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "matchId" TEXT NOT NULL,
    "met" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MentoringCheckIn_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "MentoringMatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MentoringBlock" (
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("menteeId", "mentorId"),
    CONSTRAINT "MentoringBlock_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentoringBlock_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MentoringProfile_userId_key" ON "MentoringProfile"("userId");

-- CreateIndex
CREATE INDEX "MentoringProfile_role_idx" ON "MentoringProfile"("role");

-- CreateIndex
CREATE INDEX "MentoringMatch_status_idx" ON "MentoringMatch"("status");

-- CreateIndex
CREATE INDEX "MentoringMatch_menteeId_status_idx" ON "MentoringMatch"("menteeId", "status");

-- CreateIndex
CREATE INDEX "MentoringMatch_mentorId_status_idx" ON "MentoringMatch"("mentorId", "status");

-- CreateIndex
CREATE INDEX "MentoringCheckIn_matchId_createdAt_idx" ON "MentoringCheckIn"("matchId", "createdAt");

