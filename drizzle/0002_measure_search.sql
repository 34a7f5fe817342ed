-- Full-text search over measures (SQLite FTS5). unicode61 with remove_diacritics 2 folds case and
-- diacritics, so "aania" finds "ääniä" and "turvallisuus" finds "Turvallisuus". The index is an
-- external-content table kept in step with `measures` by triggers.
CREATE VIRTUAL TABLE `measures_fts` USING fts5(code, title, description, content='measures', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `measures_fts_insert` AFTER INSERT ON `measures` BEGIN
  INSERT INTO measures_fts(rowid, code, title, description) VALUES (new.id, new.code, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `measures_fts_delete` AFTER DELETE ON `measures` BEGIN
  INSERT INTO measures_fts(measures_fts, rowid, code, title, description) VALUES ('delete', old.id, old.code, old.title, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `measures_fts_update` AFTER UPDATE OF code, title, description ON `measures` BEGIN
  INSERT INTO measures_fts(measures_fts, rowid, code, title, description) VALUES ('delete', old.id, old.code, old.title, old.description);
  INSERT INTO measures_fts(rowid, code, title, description) VALUES (new.id, new.code, new.title, new.description);
END;
