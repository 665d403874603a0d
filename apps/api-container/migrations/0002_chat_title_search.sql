-- The chat's candidate search (pg_trgm word similarity, scoped by owner through btree_gist).
-- Both extensions are trusted: the database's owner may create them without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE INDEX "tasks_user_title_trgm_idx" ON "tasks" USING gist ("user_id","title" gist_trgm_ops(siglen=256));
