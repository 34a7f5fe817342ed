-- The access log of non-public documents is evidence: nobody can change or delete its rows,
-- not even through the application's own database connection.
CREATE TRIGGER `document_access_log_no_update` BEFORE UPDATE ON `document_access_log` BEGIN
  SELECT RAISE(ABORT, 'document_access_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `document_access_log_no_delete` BEFORE DELETE ON `document_access_log` BEGIN
  SELECT RAISE(ABORT, 'document_access_log is append-only');
END;
