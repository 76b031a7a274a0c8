DROP INDEX "incident_filings_accession_uq";--> statement-breakpoint
ALTER TABLE "incident_filings" ADD COLUMN "facet" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "incident_filings_accession_idx" ON "incident_filings" USING btree ("accession_number");--> statement-breakpoint
CREATE TABLE "incident_corrections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cik" text NOT NULL,
	"kind" text NOT NULL,
	"accession_number" text NOT NULL,
	"facet" integer DEFAULT 0 NOT NULL,
	"with_accession_number" text,
	"with_facet" integer,
	"made_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_corrections_kind_check" CHECK ("kind" in ('merge', 'split') and ("kind" = 'split') = ("with_accession_number" is null))
);
--> statement-breakpoint
ALTER TABLE "incident_corrections" ADD CONSTRAINT "incident_corrections_accession_number_filings_accession_number_fk" FOREIGN KEY ("accession_number") REFERENCES "public"."filings"("accession_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_corrections" ADD CONSTRAINT "incident_corrections_with_accession_number_filings_accession_number_fk" FOREIGN KEY ("with_accession_number") REFERENCES "public"."filings"("accession_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_corrections_cik_idx" ON "incident_corrections" USING btree ("cik");
