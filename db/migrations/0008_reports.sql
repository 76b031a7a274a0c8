CREATE TABLE "reconciliations" (
	"date" date PRIMARY KEY NOT NULL,
	"listed" integer NOT NULL,
	"missing" integer NOT NULL,
	"index_found" boolean NOT NULL,
	"forms" text[] NOT NULL,
	"reconciled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"week" text NOT NULL,
	"analyzer_version" text NOT NULL,
	"model_version" integer NOT NULL,
	"model" json NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reports_week_version_uq" ON "reports" USING btree ("week","analyzer_version");--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "incident_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "accession_number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "report_id" bigint;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "events_report_type_uq" ON "events" USING btree ("report_id","type") WHERE "report_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "filings_filed_at_idx" ON "filings" USING btree ("filed_at");--> statement-breakpoint
CREATE INDEX "filings_incident_filed_idx" ON "filings" USING btree ("filed_at") WHERE "incident";
