-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailOptOuts" TEXT NOT NULL DEFAULT ',',
ADD COLUMN     "mailToken" TEXT,
ADD COLUMN     "reminderLead" TEXT NOT NULL DEFAULT '1d';

-- AlterTable
ALTER TABLE "DevMail" ADD COLUMN     "attachments" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "headers" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "idempotencyKey" TEXT;

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT NOT NULL DEFAULT '',
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_userId_idx" ON "OutboxMessage"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_mailToken_key" ON "User"("mailToken");

-- CreateIndex
CREATE UNIQUE INDEX "DevMail_idempotencyKey_key" ON "DevMail"("idempotencyKey");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

