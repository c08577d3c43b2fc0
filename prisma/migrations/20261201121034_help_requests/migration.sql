-- CreateTable
CREATE TABLE "HelpRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "takenAt" DATETIME,
    "seenAt" DATETIME,
    "answeredAt" DATETIME,
    "closedAt" DATETIME,
    "outcome" TEXT,
    "escalatedAt" DATETIME,
    "escalatedAdminsAt" DATETIME,
    "textsErasedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HelpRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HelpRequest_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT,
    "fromTeam" BOOLEAN NOT NULL,
    "signedByName" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "resourceIds" TEXT NOT NULL DEFAULT ',',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HelpMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HelpMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpRead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "readerId" TEXT,
    "readAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HelpRead_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HelpRead_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT,
    "role" TEXT NOT NULL DEFAULT 'member',
    "calendarToken" TEXT,
    "mailToken" TEXT,
    "mailOptOuts" TEXT NOT NULL DEFAULT ',',
    "reminderLead" TEXT NOT NULL DEFAULT '1d',
    "emailVerifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "calendarFullTitles" BOOLEAN NOT NULL DEFAULT false,
    "answersWomenRequests" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_User" ("calendarFullTitles", "calendarToken", "createdAt", "displayName", "email", "emailVerifiedAt", "id", "locale", "mailOptOuts", "mailToken", "passwordHash", "reminderLead", "role", "updatedAt") SELECT "calendarFullTitles", "calendarToken", "createdAt", "displayName", "email", "emailVerifiedAt", "id", "locale", "mailOptOuts", "mailToken", "passwordHash", "reminderLead", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");
CREATE UNIQUE INDEX "User_mailToken_key" ON "User"("mailToken");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

