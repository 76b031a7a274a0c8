CREATE TABLE "analyses" (
	"accession_number" text NOT NULL,
	"analyzer_version" text NOT NULL,
	"analysis" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analyses_accession_number_analyzer_version_pk" PRIMARY KEY("accession_number","analyzer_version")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"cik" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sic" text,
	"state" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_sources" (
	"accession_number" text PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL,
	"documents" text[] NOT NULL,
	"requests" integer NOT NULL,
	"bytes" integer NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"accession_number" text NOT NULL,
	"cik" text NOT NULL,
	"company_name" text NOT NULL,
	"form" text NOT NULL,
	"items" text[] DEFAULT '{}'::text[] NOT NULL,
	"filed_at" date NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"index_url" text NOT NULL,
	"submission_url" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"discovered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"analyzed_at" timestamp with time zone,
	"item105_text" text,
	"incident" boolean,
	"incident_item" text,
	"material_impact" text,
	"analyzer_version" text,
	"analysis" jsonb,
	CONSTRAINT "filings_accession_number_unique" UNIQUE("accession_number")
);
--> statement-breakpoint
CREATE TABLE "http_cache" (
	"url" text PRIMARY KEY NOT NULL,
	"etag" text,
	"last_modified" text,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "poll_state" (
	"source" text PRIMARY KEY NOT NULL,
	"cursor" jsonb,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"name" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"refilled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paused_until" timestamp with time zone,
	"pause_reason" text,
	"trips" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_accession_number_filings_accession_number_fk" FOREIGN KEY ("accession_number") REFERENCES "public"."filings"("accession_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_sources" ADD CONSTRAINT "filing_sources_accession_number_filings_accession_number_fk" FOREIGN KEY ("accession_number") REFERENCES "public"."filings"("accession_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "filings_accepted_id_idx" ON "filings" USING btree ("accepted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "filings_cik_idx" ON "filings" USING btree ("cik");--> statement-breakpoint
CREATE INDEX "filings_items_gin" ON "filings" USING gin ("items");--> statement-breakpoint
CREATE INDEX "filings_status_idx" ON "filings" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_kind_key_uq" ON "jobs" USING btree ("kind","key");--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("state","priority" DESC NULLS LAST,"run_at");