CREATE TABLE "consultation_translations" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"consultation_id" text NOT NULL,
	"locale" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"who_for" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"data_use_statement" text DEFAULT '' NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_translations" ADD CONSTRAINT "consultation_translations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_translations" ADD CONSTRAINT "consultation_translations_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_translations_unique" ON "consultation_translations" USING btree ("consultation_id","locale");