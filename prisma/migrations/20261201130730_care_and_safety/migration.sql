-- CreateTable
CREATE TABLE "KeepApartRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requesterId" TEXT NOT NULL,
    "namedUserId" TEXT,
    "details" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'received',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KeepApartRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KeepApartRequest_namedUserId_fkey" FOREIGN KEY ("namedUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeepApartRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "protectedId" TEXT NOT NULL,
    "otherId" TEXT NOT NULL,
    "requestId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "endedById" TEXT,
    CONSTRAINT "KeepApartRule_protectedId_fkey" FOREIGN KEY ("protectedId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KeepApartRule_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KeepApartRule_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "KeepApartRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuietHello" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "sentById" TEXT,
    "sentAt" DATETIME NOT NULL,
    CONSTRAINT "QuietHello_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuietHello_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WomenOnlyException" (
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("eventId", "userId"),
    CONSTRAINT "WomenOnlyException_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WomenOnlyException_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reporterId" TEXT NOT NULL,
    "about" TEXT NOT NULL,
    "contextKind" TEXT,
    "contextId" TEXT,
    "personName" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'received',
    "outcome" TEXT,
    "takenById" TEXT,
    "takenAt" DATETIME,
    "closedAt" DATETIME,
    "escalatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Report_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

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
    "suspendedAt" DATETIME,
    "suspendedReason" TEXT NOT NULL DEFAULT '',
    "hideOnCheckIn" BOOLEAN NOT NULL DEFAULT false,
    "describesAsWoman" BOOLEAN,
    "answersWomenRequests" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_User" ("calendarFullTitles", "calendarToken", "createdAt", "displayName", "email", "emailVerifiedAt", "id", "locale", "mailOptOuts", "mailToken", "passwordHash", "reminderLead", "role", "updatedAt") SELECT "calendarFullTitles", "calendarToken", "createdAt", "displayName", "email", "emailVerifiedAt", "id", "locale", "mailOptOuts", "mailToken", "passwordHash", "reminderLead", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");
CREATE UNIQUE INDEX "User_mailToken_key" ON "User"("mailToken");
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seriesId" TEXT,
    "occurrenceKey" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    "languages" TEXT NOT NULL DEFAULT ',',
    "stepFreeAccess" BOOLEAN NOT NULL DEFAULT false,
    "childcare" BOOLEAN NOT NULL DEFAULT false,
    "food" BOOLEAN NOT NULL DEFAULT false,
    "accessibilityNotes" TEXT NOT NULL DEFAULT '',
    "venueName" TEXT NOT NULL DEFAULT '',
    "venueAddress" TEXT NOT NULL DEFAULT '',
    "mapUrl" TEXT NOT NULL DEFAULT '',
    "onlineUrl" TEXT NOT NULL DEFAULT '',
    "hideAddress" BOOLEAN NOT NULL DEFAULT true,
    "capacity" INTEGER,
    "rsvpDeadline" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "womenOnly" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Event_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "EventSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("accessibilityNotes", "capacity", "childcare", "createdAt", "createdById", "description", "endsAt", "food", "hideAddress", "id", "kind", "languages", "locale", "mapUrl", "occurrenceKey", "onlineUrl", "rsvpDeadline", "sequence", "seriesId", "startsAt", "status", "stepFreeAccess", "timeZone", "title", "updatedAt", "venueAddress", "venueName") SELECT "accessibilityNotes", "capacity", "childcare", "createdAt", "createdById", "description", "endsAt", "food", "hideAddress", "id", "kind", "languages", "locale", "mapUrl", "occurrenceKey", "onlineUrl", "rsvpDeadline", "sequence", "seriesId", "startsAt", "status", "stepFreeAccess", "timeZone", "title", "updatedAt", "venueAddress", "venueName" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_startsAt_idx" ON "Event"("startsAt");
CREATE INDEX "Event_status_startsAt_idx" ON "Event"("status", "startsAt");
CREATE UNIQUE INDEX "Event_seriesId_occurrenceKey_key" ON "Event"("seriesId", "occurrenceKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

