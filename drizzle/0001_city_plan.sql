CREATE TABLE `follow_up_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`follow_up_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`status` text NOT NULL,
	`progress` integer NOT NULL,
	`done` text NOT NULL,
	`next` text NOT NULL,
	`obstacles` text NOT NULL,
	`public_text` text NOT NULL,
	`edited_by_id` text,
	`replaced_at` integer NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edited_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `follow_up_revisions_idx` ON `follow_up_revisions` (`follow_up_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` integer NOT NULL,
	`reported_by_id` text,
	`reported_at` integer NOT NULL,
	`status` text NOT NULL,
	`progress` integer NOT NULL,
	`done` text DEFAULT '' NOT NULL,
	`next` text DEFAULT '' NOT NULL,
	`obstacles` text DEFAULT '' NOT NULL,
	`public_text` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`edited_at` integer,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reported_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `follow_ups_measure_idx` ON `follow_ups` (`measure_id`,`reported_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_reported_idx` ON `follow_ups` (`reported_at`);--> statement-breakpoint
CREATE TABLE `measure_areas` (
	`measure_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	PRIMARY KEY(`measure_id`, `area_id`),
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `measure_areas_area_idx` ON `measure_areas` (`area_id`);--> statement-breakpoint
CREATE TABLE `measure_cost_shares` (
	`measure_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`percent` real NOT NULL,
	PRIMARY KEY(`measure_id`, `organisation_id`),
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `measure_goals` (
	`measure_id` integer NOT NULL,
	`goal_id` integer NOT NULL,
	PRIMARY KEY(`measure_id`, `goal_id`),
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `strategy_goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `measure_goals_goal_idx` ON `measure_goals` (`goal_id`);--> statement-breakpoint
CREATE TABLE `measure_partners` (
	`measure_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`measure_id`, `organisation_id`),
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `measure_partners_org_idx` ON `measure_partners` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `measure_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_date` text,
	`state` text DEFAULT 'open' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `measure_tasks_measure_idx` ON `measure_tasks` (`measure_id`);--> statement-breakpoint
CREATE INDEX `measure_tasks_due_idx` ON `measure_tasks` (`state`,`due_date`);--> statement-breakpoint
CREATE TABLE `measures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`priority_area_id` integer,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`owner_organisation_id` integer NOT NULL,
	`responsible_user_id` text,
	`start_date` text,
	`end_date` text,
	`continuous` integer DEFAULT false NOT NULL,
	`city_wide` integer DEFAULT true NOT NULL,
	`budget_eur` real,
	`status` text DEFAULT 'proposed' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`last_follow_up_at` integer,
	`published` integer DEFAULT true NOT NULL,
	`proposed_by_id` text,
	`approved_by_id` text,
	`approved_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `safety_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_area_id`) REFERENCES `priority_areas`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proposed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measures_plan_code_unique` ON `measures` (`plan_id`,`code`);--> statement-breakpoint
CREATE INDEX `measures_priority_area_idx` ON `measures` (`priority_area_id`);--> statement-breakpoint
CREATE INDEX `measures_owner_idx` ON `measures` (`owner_organisation_id`);--> statement-breakpoint
CREATE INDEX `measures_responsible_idx` ON `measures` (`responsible_user_id`);--> statement-breakpoint
CREATE INDEX `measures_status_idx` ON `measures` (`plan_id`,`status`);--> statement-breakpoint
CREATE TABLE `priority_area_years` (
	`priority_area_id` integer NOT NULL,
	`year` integer NOT NULL,
	`decision_note` text,
	PRIMARY KEY(`priority_area_id`, `year`),
	FOREIGN KEY (`priority_area_id`) REFERENCES `priority_areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `priority_area_years_year_idx` ON `priority_area_years` (`year`);--> statement-breakpoint
CREATE TABLE `priority_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`code` text NOT NULL,
	`name_fi` text NOT NULL,
	`name_sv` text,
	`name_en` text,
	`description_fi` text,
	`description_sv` text,
	`description_en` text,
	FOREIGN KEY (`plan_id`) REFERENCES `safety_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `priority_areas_code_unique` ON `priority_areas` (`plan_id`,`code`);--> statement-breakpoint
CREATE TABLE `safety_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`strategy_id` integer,
	`name_fi` text NOT NULL,
	`name_sv` text,
	`name_en` text,
	`description_fi` text,
	`description_sv` text,
	`description_en` text,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`decision_date` text,
	`decision_body` text,
	`decision_reference` text,
	`update_interval_days` integer DEFAULT 90 NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`strategy_id`) REFERENCES `strategies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `strategies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_fi` text NOT NULL,
	`name_sv` text,
	`name_en` text,
	`term_start_year` integer NOT NULL,
	`term_end_year` integer NOT NULL,
	`description_fi` text,
	`description_sv` text,
	`description_en` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `strategy_goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`strategy_id` integer NOT NULL,
	`code` text NOT NULL,
	`name_fi` text NOT NULL,
	`name_sv` text,
	`name_en` text,
	`description_fi` text,
	FOREIGN KEY (`strategy_id`) REFERENCES `strategies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `strategy_goals_code_unique` ON `strategy_goals` (`strategy_id`,`code`);