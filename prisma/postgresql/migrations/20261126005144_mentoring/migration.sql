-- CreateTable
CREATE TABLE "MentoringProfile" (
    "id" TEXT NOT NULL,
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
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentoringProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringMatch" (
    "id" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT ',',
    "menteeAcceptedAt" TIMESTAMP(3),
    "mentorAcceptedAt" TIMESTAMP(3),
    "declinedBy" TEXT,
    "proposedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "lastCheckInAt" TIMESTAMP(3),
    "firstMetAt" TIMESTAMP(3),
    "menteeFit" TEXT,
    "mentorFit" TEXT,
    "rematchRequestedAt" TIMESTAMP(3),
    "rematchNote" TEXT NOT NULL DEFAULT '',
    "checkInDueAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedBy" TEXT,
    "endFeedback" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentoringMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringCheckIn" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "met" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentoringCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringBlock" (
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentoringBlock_pkey" PRIMARY KEY ("menteeId","mentorId")
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

-- AddForeignKey
ALTER TABLE "MentoringProfile" ADD CONSTRAINT "MentoringProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringMatch" ADD CONSTRAINT "MentoringMatch_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringMatch" ADD CONSTRAINT "MentoringMatch_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringCheckIn" ADD CONSTRAINT "MentoringCheckIn_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "MentoringMatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringBlock" ADD CONSTRAINT "MentoringBlock_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringBlock" ADD CONSTRAINT "MentoringBlock_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

