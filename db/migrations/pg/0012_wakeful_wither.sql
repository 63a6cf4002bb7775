CREATE TABLE "event_note_codings" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"consultation_id" text NOT NULL,
	"event_note_id" text NOT NULL,
	"member_id" text NOT NULL,
	"theme_ids" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_note_codings" ADD CONSTRAINT "event_note_codings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_note_codings" ADD CONSTRAINT "event_note_codings_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_note_codings" ADD CONSTRAINT "event_note_codings_event_note_id_event_notes_id_fk" FOREIGN KEY ("event_note_id") REFERENCES "public"."event_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_note_codings" ADD CONSTRAINT "event_note_codings_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_note_codings_unique" ON "event_note_codings" USING btree ("event_note_id","member_id");--> statement-breakpoint
CREATE INDEX "event_note_codings_consultation_idx" ON "event_note_codings" USING btree ("organisation_id","consultation_id");