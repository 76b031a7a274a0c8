ALTER TABLE "filings" ADD COLUMN "analysis_summary" jsonb;--> statement-breakpoint
UPDATE "filings" SET "analysis_summary" = jsonb_build_object('update', "analysis"->'update', 'dates', "analysis"->'dates', 'flags', "analysis"->'flags') WHERE "analysis" IS NOT NULL;
