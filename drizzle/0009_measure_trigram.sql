-- Search by the parts of Finnish compound words: "kävely" finds "Turvallisuuskävelyt". A trigram
-- index (FTS5 `trigram`, with diacritics removed) next to the word index of 0002 matches any
-- substring of three or more characters. Like the word index, it is an external-content table kept
-- in step with `measures` by triggers; the last statement fills it with the measures that exist.
CREATE VIRTUAL TABLE `measures_trigram` USING fts5(code, title, description, content='measures', content_rowid='id', tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
CREATE TRIGGER `measures_trigram_insert` AFTER INSERT ON `measures` BEGIN
  INSERT INTO measures_trigram(rowid, code, title, description) VALUES (new.id, new.code, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `measures_trigram_delete` AFTER DELETE ON `measures` BEGIN
  INSERT INTO measures_trigram(measures_trigram, rowid, code, title, description) VALUES ('delete', old.id, old.code, old.title, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `measures_trigram_update` AFTER UPDATE OF code, title, description ON `measures` BEGIN
  INSERT INTO measures_trigram(measures_trigram, rowid, code, title, description) VALUES ('delete', old.id, old.code, old.title, old.description);
  INSERT INTO measures_trigram(rowid, code, title, description) VALUES (new.id, new.code, new.title, new.description);
END;
--> statement-breakpoint
INSERT INTO measures_trigram(measures_trigram) VALUES ('rebuild');
