-- Active sampling rewrites two responses' posteriors (mu, sigma2) per judgment. Neither column is
-- indexed, so with free room on the page the update stays on it without new index entries (HOT).
-- Applies to pages written from now on (a fresh import, or VACUUM FULL).
ALTER TABLE "responses" SET (fillfactor = 85);
