CREATE TABLE `observation_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_fi` text NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observation_categories_code_unique` ON `observation_categories` (`code`);--> statement-breakpoint
CREATE TABLE `observation_photos` (
	`observation_id` integer PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reporter_id` text,
	`area_id` integer NOT NULL,
	`lat` real,
	`lng` real,
	`address` text,
	`category_id` integer NOT NULL,
	`time_of_day` text NOT NULL,
	`day_type` text NOT NULL,
	`description` text NOT NULL,
	`review` text DEFAULT 'pending' NOT NULL,
	`reviewed_by_id` text,
	`reviewed_at` integer,
	`refusal_reason` text,
	`handling` text DEFAULT 'open' NOT NULL,
	`forwarded_to_id` integer,
	`measure_id` integer,
	`public_reply` text,
	`handled_by_id` text,
	`handled_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `observation_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`forwarded_to_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`handled_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `observations_area_idx` ON `observations` (`area_id`,`review`);--> statement-breakpoint
CREATE INDEX `observations_review_idx` ON `observations` (`review`,`created_at`);--> statement-breakpoint
CREATE INDEX `observations_reporter_idx` ON `observations` (`reporter_id`);--> statement-breakpoint
CREATE INDEX `observations_measure_idx` ON `observations` (`measure_id`);--> statement-breakpoint
CREATE TABLE `plan_observation_citations` (
	`plan_id` integer NOT NULL,
	`observation_id` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `observation_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `neighbourhood_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `areas` ADD `boundary` text;--> statement-breakpoint
ALTER TABLE `areas` ADD `boundary_approximate` integer DEFAULT false NOT NULL;--> statement-breakpoint
INSERT INTO `observation_categories` (`code`, `name_fi`, `name_sv`, `name_en`, `position`) VALUES
  ('lighting', 'Huono valaistus', 'Dålig belysning', 'Poor lighting', 1),
  ('traffic', 'Liikennevaara', 'Trafikfara', 'Traffic danger', 2),
  ('disturbance', 'Häiriökäyttäytyminen', 'Störande beteende', 'Disturbance', 3),
  ('vandalism', 'Ilkivalta', 'Skadegörelse', 'Vandalism', 4),
  ('drugs', 'Huumeiden käyttö', 'Droganvändning', 'Drug use', 5),
  ('unsafe', 'Tuntuu turvattomalta', 'Känns otryggt', 'Feels unsafe', 6),
  ('other', 'Muu', 'Annat', 'Other', 7);
