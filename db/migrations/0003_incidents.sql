CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"incident_id" bigint NOT NULL,
	"accession_number" text NOT NULL,
	"analyzer_version" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_filings" (
	"incident_id" bigint NOT NULL,
	"accession_number" text NOT NULL,
	"role" text NOT NULL,
	"reason" text NOT NULL,
	"confidence" double precision NOT NULL,
	"linked_by" text DEFAULT 'auto' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "incident_filings_incident_id_accession_number_pk" PRIMARY KEY("incident_id","accession_number")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cik" text NOT NULL,
	"company_name" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"item_path" text,
	"items" text[] DEFAULT '{}'::text[] NOT NULL,
	"material_impact" text,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_disclosed_at" date,
	"last_filed_at" date,
	"last_activity_at" timestamp with time zone NOT NULL,
	"facts" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_filings" ADD CONSTRAINT "incident_filings_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_filings" ADD CONSTRAINT "incident_filings_accession_number_filings_accession_number_fk" FOREIGN KEY ("accession_number") REFERENCES "public"."filings"("accession_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "events_incident_filing_type_uq" ON "events" USING btree ("incident_id","accession_number","analyzer_version","type");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_filings_accession_uq" ON "incident_filings" USING btree ("accession_number");--> statement-breakpoint
CREATE INDEX "incidents_activity_id_idx" ON "incidents" USING btree ("last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "incidents_cik_idx" ON "incidents" USING btree ("cik");