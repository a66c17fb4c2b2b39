-- Baselines (and other runs the site queues itself) wait behind users' submissions: the queue position counts them apart.
ALTER TABLE "Submission" ADD COLUMN "background" BOOLEAN NOT NULL DEFAULT false;
