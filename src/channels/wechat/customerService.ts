/** Where and as whom to call WeChat's server API. */
export type WechatApiAccount = { apiBase: string; appId: string; appSecret: string };

type TokenAnswer = { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };

/** Token errors after which a fresh token is fetched and the call tried once more. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);

/**
 * WeChat's customer-service message API (客服消息): replies that could not be given within the
 * 5-second window, and agents' replies. The access token is cached and refreshed five minutes
 * before it expires; one fetch serves every caller waiting for it.
 * @example await new WechatCustomerService(account).sendText(openId, '您好')
 */
export class WechatCustomerService {
  private token: { value: string; refreshAt: number } | undefined;
  private fetching: Promise<string> | undefined;

  constructor(
    private readonly account: WechatApiAccount,
    private readonly now: () => number = Date.now,
  ) {}

  async accessToken(force = false): Promise<string> {
    if (!force && this.token && this.now() < this.token.refreshAt) return this.token.value;
    this.fetching ??= this.fetchToken().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async fetchToken(): Promise<string> {
    const { apiBase, appId, appSecret } = this.account;
    const url = `${apiBase}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`;
    const answer = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as TokenAnswer;
    if (!answer.access_token || !answer.expires_in)
      throw new Error(
        `WeChat refused an access token: ${answer.errcode ?? '?'} ${answer.errmsg ?? ''}`.trim(),
      );
    this.token = { value: answer.access_token, refreshAt: this.now() + (answer.expires_in - 300) * 1000 };
    return answer.access_token;
  }

  /** Send one text message to a follower (at most about 2,000 bytes; callers paginate). */
  async sendText(openId: string, content: string): Promise<void> {
    const body = JSON.stringify({ touser: openId, msgtype: 'text', text: { content } });
    for (const force of [false, true]) {
      const token = await this.accessToken(force);
      const res = await fetch(
        `${this.account.apiBase}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(5000),
        },
      );
      const answer = (await res.json()) as { errcode?: number; errmsg?: string };
      if (!answer.errcode) return;
      if (!STALE_TOKEN.has(answer.errcode) || force)
        throw new Error(`WeChat refused the message: ${answer.errcode} ${answer.errmsg ?? ''}`.trim());
    }
  }
}
