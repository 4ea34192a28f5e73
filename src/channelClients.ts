import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { WechatCustomerService } from './channels/wechat/customerService.js';
import type { Config } from './config.js';

/** The clients the channels talk through, built once from `Config` by the composition root. */
export type ChannelClients = {
  /** Bot Framework's CloudAdapter: JWT-validated when MICROSOFT_APP_ID is set, anonymous when not. */
  botFramework: CloudAdapter;
  /** Each WeChat account's customer-service API, by account name (those with an app secret). */
  wechat: Map<string, WechatCustomerService>;
};

/** @example const clients = channelClients(config) */
export function channelClients(config: Config): ChannelClients {
  const { appId, appPassword, tenantId } = config.microsoft;
  const botFramework = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: appId ?? '',
      MicrosoftAppPassword: appPassword ?? '',
      MicrosoftAppType: tenantId ? 'SingleTenant' : 'MultiTenant',
      MicrosoftAppTenantId: tenantId ?? '',
    }),
  );
  const wechat = new Map<string, WechatCustomerService>();
  for (const a of config.wechat)
    if (a.appId && a.appSecret)
      wechat.set(
        a.name,
        new WechatCustomerService({ apiBase: a.apiBase, appId: a.appId, appSecret: a.appSecret }),
      );
  return { botFramework, wechat };
}
