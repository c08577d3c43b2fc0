-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "rendered" TEXT;

