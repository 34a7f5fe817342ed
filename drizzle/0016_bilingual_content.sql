ALTER TABLE `follow_up_revisions` ADD `public_text_sv` text;--> statement-breakpoint
ALTER TABLE `follow_up_revisions` ADD `public_text_en` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `public_text_sv` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `public_text_en` text;--> statement-breakpoint
ALTER TABLE `measure_tasks` ADD `title_sv` text;--> statement-breakpoint
ALTER TABLE `measure_tasks` ADD `title_en` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `title_sv` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `title_en` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `description_sv` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `description_en` text;--> statement-breakpoint
ALTER TABLE `review_decisions` ADD `text_sv` text;--> statement-breakpoint
ALTER TABLE `review_decisions` ADD `text_en` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `text_sv` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `text_en` text;