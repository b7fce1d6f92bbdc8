-- CreateEnum
CREATE TYPE "PriorRefreshStatus" AS ENUM ('pending', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "prior_refreshes" (
    "project_id" TEXT NOT NULL,
    "status" "PriorRefreshStatus" NOT NULL DEFAULT 'pending',
    "request_seq" INTEGER NOT NULL DEFAULT 0,
    "done_seq" INTEGER NOT NULL DEFAULT 0,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "seconds" DOUBLE PRECISION,
    "items" INTEGER,
    "responses_changed" INTEGER,
    "units_rescored" INTEGER,
    "error" TEXT,

    CONSTRAINT "prior_refreshes_pkey" PRIMARY KEY ("project_id")
);

-- AddForeignKey
ALTER TABLE "prior_refreshes" ADD CONSTRAINT "prior_refreshes_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
