-- DropForeignKey
ALTER TABLE "CalendarVersion" DROP CONSTRAINT "CalendarVersion_eventId_fkey";

-- DropForeignKey
ALTER TABLE "CalendarVersion" DROP CONSTRAINT "CalendarVersion_userId_fkey";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "calendarFullTitles",
ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" DROP COLUMN "rendered";

-- DropTable
DROP TABLE "CalendarVersion";

-- CreateTable
CREATE TABLE "SignupConfirmation" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "logsIn" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignupConfirmation_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "SignupConfirmation_userId_idx" ON "SignupConfirmation"("userId");

-- AddForeignKey
ALTER TABLE "SignupConfirmation" ADD CONSTRAINT "SignupConfirmation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

