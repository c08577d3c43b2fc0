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
    "hideOnCheckIn" BOOLEAN NOT NULL DEFAULT false
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
CREATE INDEX "KeepApartRequest_status_createdAt_idx" ON "KeepApartRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "KeepApartRequest_requesterId_idx" ON "KeepApartRequest"("requesterId");

-- CreateIndex
CREATE INDEX "KeepApartRule_protectedId_idx" ON "KeepApartRule"("protectedId");

-- CreateIndex
CREATE INDEX "KeepApartRule_otherId_idx" ON "KeepApartRule"("otherId");

-- CreateIndex
CREATE INDEX "KeepApartRule_endedAt_idx" ON "KeepApartRule"("endedAt");

