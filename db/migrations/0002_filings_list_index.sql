DROP INDEX "filings_accepted_id_idx";--> statement-breakpoint
CREATE INDEX "filings_accepted_id_idx" ON "filings" USING btree ("accepted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);