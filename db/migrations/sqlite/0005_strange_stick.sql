CREATE TABLE `consultation_translations` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`consultation_id` text NOT NULL,
	`locale` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`who_for` text DEFAULT '' NOT NULL,
	`audience` text DEFAULT '' NOT NULL,
	`data_use_statement` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_translations_unique` ON `consultation_translations` (`consultation_id`,`locale`);