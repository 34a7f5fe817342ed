ALTER TABLE `areas` ADD `valid_from` text;--> statement-breakpoint
ALTER TABLE `areas` ADD `valid_until` text;