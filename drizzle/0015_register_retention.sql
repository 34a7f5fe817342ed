CREATE TABLE `access_log_pruning` (
	`id` integer PRIMARY KEY NOT NULL,
	`cutoff` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retention_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ran_at` integer NOT NULL,
	`counts` text NOT NULL,
	`total` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rights_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`due_at` integer NOT NULL,
	`answer` text,
	`answered_by_id` text,
	`answered_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `rights_requests_status_idx` ON `rights_requests` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `rights_requests_user_idx` ON `rights_requests` (`user_id`);--> statement-breakpoint
-- The access log stays append-only, except for the retention job's documented path: rows older
-- than the cutoff it writes into access_log_pruning (in the same transaction) may be deleted.
DROP TRIGGER `document_access_log_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `document_access_log_no_delete` BEFORE DELETE ON `document_access_log`
WHEN NOT EXISTS (SELECT 1 FROM `access_log_pruning` WHERE old.`at` < `cutoff`)
BEGIN
  SELECT RAISE(ABORT, 'document_access_log is append-only');
END;
