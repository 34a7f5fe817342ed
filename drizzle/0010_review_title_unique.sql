-- Existing duplicates (the demo seed could make "Tilannekatsaus 2/2026" twice) get a number, the
-- first one keeping its title, so that the unique index can be created on any database.
UPDATE `status_reviews` SET `title` = d.title || ' (' || d.n || ')'
FROM (SELECT id, title, row_number() OVER (PARTITION BY plan_id, title ORDER BY id) AS n FROM `status_reviews`) AS d
WHERE d.id = `status_reviews`.id AND d.n > 1;
--> statement-breakpoint
CREATE UNIQUE INDEX `status_reviews_plan_title_idx` ON `status_reviews` (`plan_id`,`title`);
