ALTER TABLE `consultations` ADD `contact` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outcomes` ADD `updated_at` integer;