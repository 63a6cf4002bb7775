CREATE TABLE `event_note_codings` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`consultation_id` text NOT NULL,
	`event_note_id` text NOT NULL,
	`member_id` text NOT NULL,
	`theme_ids` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_note_id`) REFERENCES `event_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_note_codings_unique` ON `event_note_codings` (`event_note_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `event_note_codings_consultation_idx` ON `event_note_codings` (`organisation_id`,`consultation_id`);