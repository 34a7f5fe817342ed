-- Sessions are stored by a SHA-256 of their id from now on (app/server/auth.server.ts); the rows
-- stored by raw id cannot be matched any more, so everyone signs in again once.
DELETE FROM `sessions`;
