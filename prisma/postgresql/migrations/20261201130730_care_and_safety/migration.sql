-- AlterTable
ALTER TABLE "User" ADD COLUMN     "answersWomenRequests" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "describesAsWoman" BOOLEAN,
ADD COLUMN     "hideOnCheckIn" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedReason" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "womenOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "KeepApartRequest" (
    "id" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "namedUserId" TEXT,
    "details" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'received',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeepApartRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeepApartRule" (
    "id" TEXT NOT NULL,
    "protectedId" TEXT NOT NULL,
    "otherId" TEXT NOT NULL,
    "requestId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endedById" TEXT,

    CONSTRAINT "KeepApartRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuietHello" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sentById" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuietHello_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WomenOnlyException" (
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WomenOnlyException_pkey" PRIMARY KEY ("eventId","userId")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "about" TEXT NOT NULL,
    "contextKind" TEXT,
    "contextId" TEXT,
    "personName" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'received',
    "outcome" TEXT,
    "takenById" TEXT,
    "takenAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpRequest" (
    "id" TEXT NOT NULL,
    "memberId" TEXT,
    "topic" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "languages" TEXT NOT NULL DEFAULT ',',
    "wantsWoman" BOOLEAN NOT NULL DEFAULT false,
    "contact" TEXT NOT NULL DEFAULT 'here',
    "handle" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "takenById" TEXT,
    "takenAt" TIMESTAMP(3),
    "seenAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "escalatedAdminsAt" TIMESTAMP(3),
    "textsErasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpMessage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT,
    "fromTeam" BOOLEAN NOT NULL,
    "signedByName" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "resourceIds" TEXT NOT NULL DEFAULT ',',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelpMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpRead" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "readerId" TEXT,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelpRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KeepApartRequest_status_createdAt_idx" ON "KeepApartRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "KeepApartRequest_requesterId_idx" ON "KeepApartRequest"("requesterId");

-- CreateIndex
CREATE INDEX "KeepApartRule_protectedId_idx" ON "KeepApartRule"("protectedId");

-- CreateIndex
CREATE INDEX "KeepApartRule_otherId_idx" ON "KeepApartRule"("otherId");

-- CreateIndex
CREATE INDEX "KeepApartRule_endedAt_idx" ON "KeepApartRule"("endedAt");

-- CreateIndex
CREATE INDEX "QuietHello_userId_sentAt_idx" ON "QuietHello"("userId", "sentAt");

-- CreateIndex
CREATE INDEX "WomenOnlyException_userId_idx" ON "WomenOnlyException"("userId");

-- CreateIndex
CREATE INDEX "Report_state_createdAt_idx" ON "Report"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Report_reporterId_idx" ON "Report"("reporterId");

-- CreateIndex
CREATE INDEX "HelpRequest_status_createdAt_idx" ON "HelpRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRequest_memberId_idx" ON "HelpRequest"("memberId");

-- CreateIndex
CREATE INDEX "HelpRequest_closedAt_idx" ON "HelpRequest"("closedAt");

-- CreateIndex
CREATE INDEX "HelpMessage_requestId_createdAt_idx" ON "HelpMessage"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRead_requestId_idx" ON "HelpRead"("requestId");

-- CreateIndex
CREATE INDEX "HelpRead_readerId_idx" ON "HelpRead"("readerId");

-- AddForeignKey
ALTER TABLE "KeepApartRequest" ADD CONSTRAINT "KeepApartRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApartRequest" ADD CONSTRAINT "KeepApartRequest_namedUserId_fkey" FOREIGN KEY ("namedUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApartRule" ADD CONSTRAINT "KeepApartRule_protectedId_fkey" FOREIGN KEY ("protectedId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApartRule" ADD CONSTRAINT "KeepApartRule_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApartRule" ADD CONSTRAINT "KeepApartRule_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "KeepApartRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuietHello" ADD CONSTRAINT "QuietHello_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuietHello" ADD CONSTRAINT "QuietHello_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WomenOnlyException" ADD CONSTRAINT "WomenOnlyException_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WomenOnlyException" ADD CONSTRAINT "WomenOnlyException_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpMessage" ADD CONSTRAINT "HelpMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpMessage" ADD CONSTRAINT "HelpMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRead" ADD CONSTRAINT "HelpRead_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRead" ADD CONSTRAINT "HelpRead_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

