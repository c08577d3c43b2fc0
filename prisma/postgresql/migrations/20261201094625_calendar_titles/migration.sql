-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarFullTitles" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CalendarVersion" (
    "readerKey" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT,
    "hash" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "modifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarVersion_pkey" PRIMARY KEY ("readerKey","eventId")
);

-- CreateIndex
CREATE INDEX "CalendarVersion_eventId_idx" ON "CalendarVersion"("eventId");

-- CreateIndex
CREATE INDEX "CalendarVersion_userId_idx" ON "CalendarVersion"("userId");

-- AddForeignKey
ALTER TABLE "CalendarVersion" ADD CONSTRAINT "CalendarVersion_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarVersion" ADD CONSTRAINT "CalendarVersion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

