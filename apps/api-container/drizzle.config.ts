import { defineConfig } from 'drizzle-kit';

/** `nx run api-container:db-generate` writes a new migration after a change to the schema. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
});
