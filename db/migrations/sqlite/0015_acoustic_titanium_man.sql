CREATE TABLE `context_figures` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`consultation_id` text NOT NULL,
	`label` text NOT NULL,
	`value` integer NOT NULL,
	`group_name` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`as_of` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `context_figures_consultation_idx` ON `context_figures` (`organisation_id`,`consultation_id`);