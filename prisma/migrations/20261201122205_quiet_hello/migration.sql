-- CreateTable
CREATE TABLE "QuietHello" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "sentById" TEXT,
    "sentAt" DATETIME NOT NULL,
    CONSTRAINT "QuietHello_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuietHello_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QuietHello_userId_sentAt_idx" ON "QuietHello"("userId", "sentAt");

