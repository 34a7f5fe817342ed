CREATE TABLE `plan_invitations` (
	`invitation_id` integer PRIMARY KEY NOT NULL,
	`plan_id` integer NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `neighbourhood_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_invitations_plan_idx` ON `plan_invitations` (`plan_id`);