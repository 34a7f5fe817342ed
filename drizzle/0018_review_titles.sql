ALTER TABLE `status_reviews` ADD `title_sv` text;--> statement-breakpoint
ALTER TABLE `status_reviews` ADD `title_en` text;--> statement-breakpoint
CREATE UNIQUE INDEX `status_reviews_plan_title_sv_idx` ON `status_reviews` (`plan_id`,`title_sv`);--> statement-breakpoint
CREATE UNIQUE INDEX `status_reviews_plan_title_en_idx` ON `status_reviews` (`plan_id`,`title_en`);