CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_status_idx` ON `notifications` (`status`);--> statement-breakpoint
CREATE INDEX `notifications_org_idx` ON `notifications` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `safeguarding_flag_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`flag_id` text NOT NULL,
	`member_id` text,
	`status` text NOT NULL,
	`note` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`flag_id`) REFERENCES `safeguarding_flags`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `safeguarding_flag_notes_flag_idx` ON `safeguarding_flag_notes` (`flag_id`);--> statement-breakpoint
CREATE TABLE `safeguarding_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`consultation_id` text NOT NULL,
	`response_id` text,
	`source` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`matches` text NOT NULL,
	`excerpt` text,
	`raised_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`content_deleted_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`raised_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `safeguarding_flags_org_idx` ON `safeguarding_flags` (`organisation_id`,`status`);--> statement-breakpoint
CREATE INDEX `safeguarding_flags_response_idx` ON `safeguarding_flags` (`response_id`);--> statement-breakpoint
CREATE TABLE `safeguarding_phrase_lists` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`phrases` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `consultations` ADD `withdrawn_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `consultations` ADD `answers_deleted_at` integer;