ALTER TABLE "companies" ADD COLUMN "tickers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "exchanges" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "sic_description" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "business_city" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "business_state" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "sec_office" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "fiscal_year_end" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "former_names" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "last_filed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "profile_fetched_at" timestamp with time zone;--> statement-breakpoint
UPDATE "companies" SET "last_filed_at" = "latest"."accepted_at" FROM (SELECT "cik", max("accepted_at") AS "accepted_at" FROM "filings" GROUP BY "cik") AS "latest" WHERE "latest"."cik" = "companies"."cik";--> statement-breakpoint
CREATE INDEX "companies_last_filed_cik_idx" ON "companies" USING btree ("last_filed_at" DESC NULLS FIRST,"cik" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "companies_tickers_gin" ON "companies" USING gin ("tickers");--> statement-breakpoint
CREATE INDEX "companies_sic_idx" ON "companies" USING btree ("sic");