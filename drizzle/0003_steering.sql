CREATE TABLE `indicator_measures` (
	`indicator_id` integer NOT NULL,
	`measure_id` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `measure_id`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_measures_measure_idx` ON `indicator_measures` (`measure_id`);--> statement-breakpoint
CREATE TABLE `indicator_priority_areas` (
	`indicator_id` integer NOT NULL,
	`priority_area_id` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `priority_area_id`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_area_id`) REFERENCES `priority_areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`kind` text DEFAULT 'actual' NOT NULL,
	`area_id` integer,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_unique` ON `indicator_values` (`indicator_id`,`kind`,coalesce(`area_id`, 0),`period`);--> statement-breakpoint
CREATE INDEX `indicator_values_indicator_idx` ON `indicator_values` (`indicator_id`,`period`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name_fi` text NOT NULL,
	`name_sv` text,
	`name_en` text,
	`unit` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`direction` text NOT NULL,
	`resolution` text DEFAULT 'year' NOT NULL,
	`description_fi` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_key_unique` ON `indicators` (`key`);--> statement-breakpoint
CREATE TABLE `review_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`priority_area_id` integer,
	`assessment` text DEFAULT '' NOT NULL,
	`proposals` text DEFAULT '' NOT NULL,
	`updated_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `status_reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_area_id`) REFERENCES `priority_areas`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_assessments_unique` ON `review_assessments` (`review_id`,coalesce(`priority_area_id`, 0));--> statement-breakpoint
CREATE TABLE `review_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`decided_on` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`year` integer,
	`priority_area_ids` text,
	`recorded_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `status_reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_decisions_review_idx` ON `review_decisions` (`review_id`);--> statement-breakpoint
CREATE TABLE `status_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`title` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`previous_review_id` integer,
	`snapshot` text,
	`created_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	`sent_by_id` text,
	`discussed_at` integer,
	`closed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `safety_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`sent_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `status_reviews_plan_idx` ON `status_reviews` (`plan_id`,`sent_at`);