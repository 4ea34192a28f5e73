import type { AddressInfo } from 'node:net';
import express from 'express';

/** A stand-in for api.weixin.qq.com: access tokens and customer-service messages, recorded. */
export async function fakeWechatApi(options: { staleFirstToken?: boolean } = {}) {
  const sent: { token: string; body: { touser: string; msgtype: string; text: { content: string } } }[] = [];
  let tokens = 0;
  const app = express();
  app.get('/cgi-bin/token', (req, res) => {
    if (req.query.appid !== 'wx-test-app' || req.query.secret !== 'test-secret') {
      res.json({ errcode: 40013, errmsg: 'invalid appid' });
      return;
    }
    tokens++;
    res.json({ access_token: `token-${tokens}`, expires_in: 7200 });
  });
  app.post('/cgi-bin/message/custom/send', express.json(), (req, res) => {
    const token = String(req.query.access_token);
    if (options.staleFirstToken && token === 'token-1') {
      res.json({ errcode: 40001, errmsg: 'invalid credential' });
      return;
    }
    sent.push({ token, body: req.body });
    res.json({ errcode: 0, errmsg: 'ok' });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    tokens: () => tokens,
    close: () => server.close(),
  };
}
