DROP INDEX `measure_tasks_measure_idx`;--> statement-breakpoint
CREATE INDEX `measure_tasks_measure_state_due_idx` ON `measure_tasks` (`measure_id`,`state`,`due_date`);