-- Full-text search (issue 12). `search_text` is the text a search reads and its snippets quote:
-- for a filing, its Item 1.05 text, statements and evidence sentences; for an incident, its
-- filings' sentences. The application writes it (db/search.ts searchDocument); the backfill below
-- approximates that order, and `cyber8k reanalyze` / `incidents rebuild` rewrite it exactly.
ALTER TABLE "filings" ADD COLUMN "search_text" text;--> statement-breakpoint
UPDATE "filings" SET "search_text" = left(concat_ws(E'\n', "item105_text", (
  SELECT string_agg(DISTINCT s, E'\n') FROM (
    SELECT e->>'text' AS s FROM jsonb_array_elements(coalesce("analysis"->'statements', '[]'::jsonb)) AS e
    UNION SELECT value FROM jsonb_each_text(coalesce("analysis"->'evidence', '{}'::jsonb))
  ) AS sentences WHERE s IS NOT NULL AND s <> '')), 60000) WHERE "analysis" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', "filings"."company_name"), 'A') || setweight(to_tsvector('english', coalesce("filings"."search_text", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "filings_search_gin" ON "filings" USING gin ("search");--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "search_text" text;--> statement-breakpoint
UPDATE "incidents" SET "search_text" = left((
  SELECT string_agg(DISTINCT s, E'\n') FROM "incident_filings" AS l
  JOIN "filings" AS f ON f."accession_number" = l."accession_number",
  LATERAL (
    SELECT e->>'text' AS s FROM jsonb_array_elements(coalesce(f."analysis"->'statements', '[]'::jsonb)) AS e
    UNION SELECT value FROM jsonb_each_text(coalesce(f."analysis"->'evidence', '{}'::jsonb))
  ) AS sentences WHERE l."incident_id" = "incidents"."id" AND s IS NOT NULL AND s <> ''), 60000);--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', "incidents"."company_name" || ' ' || "incidents"."title"), 'A') || setweight(to_tsvector('english', coalesce("incidents"."search_text", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "incidents_search_gin" ON "incidents" USING gin ("search");
