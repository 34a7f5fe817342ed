CREATE TABLE `situation_access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`situation_id` integer NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`situation_id`) REFERENCES `situations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `situation_access_log_idx` ON `situation_access_log` (`situation_id`,`at`);--> statement-breakpoint
CREATE TABLE `situation_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`situation_id` integer NOT NULL,
	`title` text NOT NULL,
	`owner_organisation_id` integer NOT NULL,
	`responsible_user_id` text,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`done_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`situation_id`) REFERENCES `situations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `situation_actions_situation_idx` ON `situation_actions` (`situation_id`);--> statement-breakpoint
CREATE INDEX `situation_actions_responsible_idx` ON `situation_actions` (`responsible_user_id`);--> statement-breakpoint
CREATE TABLE `situation_areas` (
	`situation_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	PRIMARY KEY(`situation_id`, `area_id`),
	FOREIGN KEY (`situation_id`) REFERENCES `situations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `situation_briefing_recipients` (
	`briefing_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`sent_at` integer NOT NULL,
	`read_at` integer,
	PRIMARY KEY(`briefing_id`, `user_id`),
	FOREIGN KEY (`briefing_id`) REFERENCES `situation_briefings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `situation_briefing_recipients_user_idx` ON `situation_briefing_recipients` (`user_id`);--> statement-breakpoint
CREATE TABLE `situation_briefings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`situation_id` integer NOT NULL,
	`picture_version` integer,
	`snapshot` text NOT NULL,
	`sent_by_id` text,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`situation_id`) REFERENCES `situations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `situation_briefings_situation_idx` ON `situation_briefings` (`situation_id`);--> statement-breakpoint
CREATE TABLE `situation_log_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`situation_id` integer NOT NULL,
	`source_organisation_id` integer NOT NULL,
	`body` text NOT NULL,
	`reliability` text NOT NULL,
	`happened_at` integer NOT NULL,
	`logged_at` integer NOT NULL,
	`logged_by_id` text,
	`area_id` integer,
	`document_id` integer,
	`corrects_id` integer,
	FOREIGN KEY (`situation_id`) REFERENCES `situations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`logged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `situation_log_situation_idx` ON `situation_log_entries` (`situation_id`,`id`);--> statement-breakpoint
CREATE TABLE `situation_measure_proposals` (
	`situation_id` integer NOT NULL,
	`measure_id` integer NOT NULL,
	PRIMARY KEY(`situation_id`, `measure_id`),
	FOREIGN KEY (`situation_id`) REFERENCES `situations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `situation_measure_proposals_measure_idx` ON `situation_measure_proposals` (`measure_id`);--> statement-breakpoint
CREATE TABLE `situation_pictures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`situation_id` integer NOT NULL,
	`version` integer NOT NULL,
	`happened` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`affected` text DEFAULT '' NOT NULL,
	`risks` text DEFAULT '' NOT NULL,
	`resources` text DEFAULT '' NOT NULL,
	`agreed` text DEFAULT '' NOT NULL,
	`next_update_at` integer,
	`saved_by_id` text,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`situation_id`) REFERENCES `situations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`saved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `situation_pictures_version_idx` ON `situation_pictures` (`situation_id`,`version`);--> statement-breakpoint
CREATE TABLE `situations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`severity` text NOT NULL,
	`publicity` text DEFAULT 'public' NOT NULL,
	`legal_ground` text,
	`secret_until` text,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_by_id` text,
	`opened_at` integer NOT NULL,
	`closed_by_id` text,
	`closed_at` integer,
	`after_action` text,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`closed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `situations_group_idx` ON `situations` (`group_id`);--> statement-breakpoint
CREATE INDEX `situations_status_idx` ON `situations` (`status`,`opened_at`);--> statement-breakpoint
-- Hand-written (issue 18): the situation log and the picture versions are a record, and reads of
-- non-public situations are evidence. Nobody changes or deletes their rows, not even the app; the
-- access log may only be pruned through the retention job's documented path (access_log_pruning).
CREATE TRIGGER `situation_log_entries_no_update` BEFORE UPDATE ON `situation_log_entries` BEGIN
  SELECT RAISE(ABORT, 'situation_log_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `situation_log_entries_no_delete` BEFORE DELETE ON `situation_log_entries` BEGIN
  SELECT RAISE(ABORT, 'situation_log_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `situation_pictures_no_update` BEFORE UPDATE ON `situation_pictures` BEGIN
  SELECT RAISE(ABORT, 'situation_pictures is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `situation_pictures_no_delete` BEFORE DELETE ON `situation_pictures` BEGIN
  SELECT RAISE(ABORT, 'situation_pictures is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `situation_access_log_no_update` BEFORE UPDATE ON `situation_access_log` BEGIN
  SELECT RAISE(ABORT, 'situation_access_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `situation_access_log_no_delete` BEFORE DELETE ON `situation_access_log`
WHEN NOT EXISTS (SELECT 1 FROM `access_log_pruning` WHERE old.`at` < `cutoff`)
BEGIN
  SELECT RAISE(ABORT, 'situation_access_log is append-only');
END;
