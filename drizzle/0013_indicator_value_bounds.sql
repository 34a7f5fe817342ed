ALTER TABLE `indicator_values` ADD `bound` text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `upper` real;