CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "safeguarding_flag_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"flag_id" text NOT NULL,
	"member_id" text,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safeguarding_flags" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"consultation_id" text NOT NULL,
	"response_id" text,
	"source" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"matches" jsonb NOT NULL,
	"excerpt" jsonb,
	"raised_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"content_deleted_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "safeguarding_phrase_lists" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"phrases" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "withdrawn_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "answers_deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_flag_notes" ADD CONSTRAINT "safeguarding_flag_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_flag_notes" ADD CONSTRAINT "safeguarding_flag_notes_flag_id_safeguarding_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."safeguarding_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_flag_notes" ADD CONSTRAINT "safeguarding_flag_notes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_flags" ADD CONSTRAINT "safeguarding_flags_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_flags" ADD CONSTRAINT "safeguarding_flags_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_flags" ADD CONSTRAINT "safeguarding_flags_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_flags" ADD CONSTRAINT "safeguarding_flags_raised_by_members_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_phrase_lists" ADD CONSTRAINT "safeguarding_phrase_lists_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_phrase_lists" ADD CONSTRAINT "safeguarding_phrase_lists_updated_by_members_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_status_idx" ON "notifications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "notifications_org_idx" ON "notifications" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "safeguarding_flag_notes_flag_idx" ON "safeguarding_flag_notes" USING btree ("flag_id");--> statement-breakpoint
CREATE INDEX "safeguarding_flags_org_idx" ON "safeguarding_flags" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "safeguarding_flags_response_idx" ON "safeguarding_flags" USING btree ("response_id");