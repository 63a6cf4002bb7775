CREATE TABLE `survey_draft_saves` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`consultation_id` text NOT NULL,
	`revision` integer NOT NULL,
	`definition` text NOT NULL,
	`saved_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_draft_saves_revision_unique` ON `survey_draft_saves` (`consultation_id`,`revision`);--> statement-breakpoint
ALTER TABLE `consultations` ADD `draft_revision` integer DEFAULT 0 NOT NULL;