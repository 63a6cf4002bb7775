ALTER TABLE "consultations" ADD COLUMN "contact" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "updated_at" timestamp (3) with time zone;