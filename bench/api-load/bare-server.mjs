// The baseline: a bare Fastify server whose one route runs `SELECT 1` on a node-postgres pool of
// the same size as the API's. No validation, auth, logging or metrics: what is left is the cost
// of HTTP + one database round trip, which the API's routes are compared against.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get('/select-1', async () => {
  const { rows } = await pool.query('SELECT 1 AS one');
  return rows[0];
});
app.addHook('onClose', () => pool.end());
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`Server listening at ${address}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
