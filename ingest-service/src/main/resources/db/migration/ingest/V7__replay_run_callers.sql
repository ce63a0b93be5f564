-- Who started and who cancelled an operator's replay run: the authenticated caller's name (docs/security.md, named
-- tokens). NULL for configured (STARTUP) runs, runs nobody cancelled, and runs recorded before callers were.
ALTER TABLE ingest.replay_runs ADD COLUMN requested_by text;
ALTER TABLE ingest.replay_runs ADD COLUMN cancelled_by text;
