-- CreateTable
CREATE TABLE "CalendarVersion" (
    "readerKey" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT,
    "hash" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "modifiedAt" DATETIME NOT NULL,

    PRIMARY KEY ("readerKey", "eventId"),
    CONSTRAINT "CalendarVersion_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalendarVersion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "calendarFullTitles" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_User" ("calendarToken", "createdAt", "displayName", "email", "id", "locale", "mailOptOuts", "mailToken", "passwordHash", "reminderLead", "role", "updatedAt") SELECT "calendarToken", "createdAt", "displayName", "email", "id", "locale", "mailOptOuts", "mailToken", "passwordHash", "reminderLead", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");
CREATE UNIQUE INDEX "User_mailToken_key" ON "User"("mailToken");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CalendarVersion_eventId_idx" ON "CalendarVersion"("eventId");

-- CreateIndex
CREATE INDEX "CalendarVersion_userId_idx" ON "CalendarVersion"("userId");

