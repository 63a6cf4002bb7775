CREATE TABLE "context_figures" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"consultation_id" text NOT NULL,
	"label" text NOT NULL,
	"value" integer NOT NULL,
	"group_name" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"as_of" text NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "context_figures" ADD CONSTRAINT "context_figures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_figures" ADD CONSTRAINT "context_figures_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_figures" ADD CONSTRAINT "context_figures_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "context_figures_consultation_idx" ON "context_figures" USING btree ("organisation_id","consultation_id");