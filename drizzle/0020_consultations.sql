CREATE TABLE `consultation_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`option_id` integer,
	`rank` integer,
	`scale` integer,
	`text` text,
	`moderation` text,
	`moderated_by_id` text,
	`moderated_at` integer,
	FOREIGN KEY (`response_id`) REFERENCES `consultation_responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `consultation_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`option_id`) REFERENCES `consultation_options`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`moderated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `consultation_answers_response_idx` ON `consultation_answers` (`response_id`);--> statement-breakpoint
CREATE INDEX `consultation_answers_question_idx` ON `consultation_answers` (`question_id`);--> statement-breakpoint
CREATE TABLE `consultation_areas` (
	`consultation_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	PRIMARY KEY(`consultation_id`, `area_id`),
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `consultation_decisions` (
	`decision_id` integer PRIMARY KEY NOT NULL,
	`consultation_id` integer NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `review_decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consultation_decisions_consultation_idx` ON `consultation_decisions` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `consultation_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`position` integer NOT NULL,
	`label_fi` text NOT NULL,
	`label_sv` text,
	`label_en` text,
	`priority_area_id` integer,
	FOREIGN KEY (`question_id`) REFERENCES `consultation_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_area_id`) REFERENCES `priority_areas`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `consultation_options_idx` ON `consultation_options` (`question_id`,`position`);--> statement-breakpoint
CREATE TABLE `consultation_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`text_fi` text NOT NULL,
	`text_sv` text,
	`text_en` text,
	`max_choices` integer,
	`required` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consultation_questions_idx` ON `consultation_questions` (`consultation_id`,`position`);--> statement-breakpoint
CREATE TABLE `consultation_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`user_id` text,
	`home_area_id` integer,
	`district_id` integer,
	`major_district_id` integer,
	`submitted_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`home_area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`district_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`major_district_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_responses_once` ON `consultation_responses` (`consultation_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `consultation_responses_major_idx` ON `consultation_responses` (`consultation_id`,`major_district_id`);--> statement-breakpoint
CREATE TABLE `consultation_subscriptions` (
	`user_id` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer,
	`title_fi` text NOT NULL,
	`title_sv` text,
	`title_en` text,
	`description_fi` text NOT NULL,
	`description_sv` text,
	`description_en` text,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`results_public` integer DEFAULT false NOT NULL,
	`created_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `safety_plans`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `consultations_closes_idx` ON `consultations` (`closes_at`);