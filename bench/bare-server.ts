// The HTTP ceiling: the same Fastify the server uses, one route, no hooks, no logging, no
// database. Whatever the real server loses against this is the cost of its own work.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ ok: true }));

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
