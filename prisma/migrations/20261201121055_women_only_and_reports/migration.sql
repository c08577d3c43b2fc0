-- AlterTable
ALTER TABLE "User" ADD COLUMN "describesAsWoman" BOOLEAN;

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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
CREATE INDEX "WomenOnlyException_userId_idx" ON "WomenOnlyException"("userId");

-- CreateIndex
CREATE INDEX "Report_state_createdAt_idx" ON "Report"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Report_reporterId_idx" ON "Report"("reporterId");

