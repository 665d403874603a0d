CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "tasks_user_created_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "task_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limits_resets_at_idx" ON "rate_limits" USING btree ("resets_at");--> statement-breakpoint
CREATE INDEX "sessions_user_created_idx" ON "sessions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_user_created_id_idx" ON "tasks" USING btree ("user_id","created_at","id");--> statement-breakpoint
-- users.task_count follows every insert and delete on tasks, whoever runs it (the API, the chat,
-- psql), one UPDATE per user and statement. The API's insert locks the user's row and checks the
-- count first, so the per-user cap holds exactly under concurrent requests.
CREATE FUNCTION "tasks_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "users" SET "task_count" = "users"."task_count" + "added"."n"
  FROM (SELECT "user_id", count(*)::integer AS "n" FROM "inserted_tasks" GROUP BY "user_id") AS "added"
  WHERE "users"."id" = "added"."user_id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "tasks_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "users" SET "task_count" = "users"."task_count" - "removed"."n"
  FROM (SELECT "user_id", count(*)::integer AS "n" FROM "deleted_tasks" GROUP BY "user_id") AS "removed"
  WHERE "users"."id" = "removed"."user_id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "tasks_count_inserted" AFTER INSERT ON "tasks"
  REFERENCING NEW TABLE AS "inserted_tasks" FOR EACH STATEMENT EXECUTE FUNCTION "tasks_count_inserted"();--> statement-breakpoint
CREATE TRIGGER "tasks_count_deleted" AFTER DELETE ON "tasks"
  REFERENCING OLD TABLE AS "deleted_tasks" FOR EACH STATEMENT EXECUTE FUNCTION "tasks_count_deleted"();--> statement-breakpoint
UPDATE "users" SET "task_count" = (SELECT count(*) FROM "tasks" WHERE "tasks"."user_id" = "users"."id");
