import { FRONTEND_HEALTH_PATH } from '@pakaura/contract';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The signed-out pages of the frontend: `/` redirects to `/login`, which shows the form. */
export const LOGIN_PAGE =
  '<!doctype html><html><body><form><label>Email <input type="email" name="email"></label>' +
  '<label>Password <input type="password" name="password"></label><button>Sign in</button></form></body></html>';

export class FakeFrontend {
  /** What `/login` serves; set to other HTML to model a broken build. */
  page = LOGIN_PAGE;
  private server?: Server;

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  static async start(): Promise<FakeFrontend> {
    const app = new FakeFrontend();
    app.server = createServer((req, res) => {
      if (req.url === FRONTEND_HEALTH_PATH) return void res.writeHead(200).end('ok');
      if (req.url === '/') return void res.writeHead(307, { location: '/login' }).end();
      if (req.url === '/login')
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(app.page);
      res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => app.server?.listen(0, '127.0.0.1', resolve));
    return app;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}
