import type { Strings } from './strings.js';

const minutes = (s: number) => Math.max(1, Math.ceil(s / 60));

export const zhCN: Strings = {
  lang: 'zh-CN',
  title: '安心 · 人工客服工作台',
  switchLocale: 'English',
  switchLocaleLabel: 'Switch to English',
  signedInAs: (name, admin) => `已登录：${name}${admin ? '（管理员）' : ''}`,
  logout: '退出登录',
  login: { heading: '客服登录', username: '用户名', password: '密码', submit: '登录', busy: '正在登录…' },
  loginError: (kind, s) => {
    if (kind === 'credentials') return '用户名或密码不正确，请重新输入。';
    if (kind === 'locked') return `登录失败次数过多，账户已暂时锁定，请 ${minutes(s)} 分钟后再试。`;
    if (kind === 'disabled') return '这个账户已停用，请联系系统管理员。';
    if (kind === 'busy') return `尝试次数太多，请 ${Math.max(1, s)} 秒后再试。`;
    if (kind === 'rejected') return '请填写用户名和密码。';
    return '暂时连不上服务器，请稍后再试；问题持续时请联系系统管理员。';
  },
  problem: (kind) => {
    if (kind === 'conflict') return '这个会话已被其他客服接入，或已经结束。队列已刷新。';
    if (kind === 'forbidden') return '这个会话由其他客服负责，您不能查看或回复。';
    if (kind === 'missing') return '找不到这个会话，可能已被删除。';
    if (kind === 'rejected') return '内容无法提交，请检查后再试（回复最多 2000 字）。';
    if (kind === 'busy') return '操作太频繁，请稍后再试。';
    return '暂时连不上服务器，请稍后再试。';
  },
  sessionEnded: '登录已过期或已退出，请重新登录。',
  liveLost: '实时更新已断开，正在重新连接…',
  waiting: (n) => `等待接入（${n}）`,
  mine: (n) => `我的会话（${n}）`,
  allClaimed: (n) => `已接入的会话（${n}）`,
  emptyWaiting: '目前没有等待中的客户。',
  emptyMine: '您还没有接入会话。',
  callbacks: (n) => `回电请求（${n}）`,
  callbackRequested: '客户留了回电号码',
  waited: (s) => {
    const m = Math.floor(s / 60);
    return m ? `已等待 ${m} 分 ${s % 60} 秒` : `已等待 ${s} 秒`;
  },
  position: (n) => `第 ${n} 位`,
  heldBy: (agent) => `由 ${agent} 接入`,
  newMessages: (n) => `${n} 条新消息`,
  claim: '接入',
  open: '打开',
  claimed: '已接入会话，客户已收到通知。',
  noCase: '从左侧队列选择一个会话：“接入”后即可查看完整对话并回复客户。',
  caseHeading: (p) => `会话 ${p}`,
  summary: '转人工摘要',
  field: (name, value) => `${name}：${value}`,
  fields: {
    reason: '转人工原因',
    risk: '风险',
    redFlags: '可疑信号',
    intent: '意图',
    topics: '话题',
    language: '语言',
    channel: '渠道',
    waited: '等待时间',
    callback: '回电号码',
    none: '无',
  },
  reasons: {
    'customer-request': '客户要求转人工',
    distress: '客户情绪危机',
    'already-involved': '已向中介付款或提供资料',
    'low-confidence': '机器人无法回答',
    frustration: '客户不满意',
  },
  intents: {
    greeting: '打招呼',
    'thanks-bye': '致谢或道别',
    ask: '咨询问题',
    'check-message': '核实广告或消息',
    'report-agency': '举报中介或广告',
    'already-involved': '已向中介付款或提供资料',
    hardship: '还款困难',
    'collection-complaint': '投诉催收',
    'request-human': '要求转人工',
    distress: '情绪危机',
    'harmful-request': '请求违法帮助',
    'out-of-scope': '超出服务范围',
  },
  risks: { none: '无风险', low: '低风险', medium: '中风险', high: '高风险' },
  redFlags: {
    'upfront-fee': '先收费',
    'percentage-fee': '按比例抽成',
    'guaranteed-result': '保证成功',
    'inside-channel': '声称内部渠道',
    impersonation: '冒充官方',
    'fake-policy': '虚假政策',
    'asks-credentials': '索要密码或验证码',
    'asks-documents': '索要证件资料',
    'stop-repaying': '让客户停止还款',
    'cut-off-bank': '让客户不接银行电话',
    fabricate: '伪造材料',
    pressure: '催促施压',
    'private-chat': '引导私下联系',
    'third-party-fix': '第三方代办欠款或征信',
  },
  languages: { 'zh-CN': '中文', en: '英文' },
  channels: {
    web: '网页',
    app: '手机银行',
    wechat: '微信',
    directline: 'Direct Line',
    botframework: 'Bot Framework',
  },
  priority: '优先',
  readOnly: '只读：接入后才能回复客户。',
  transcript: '对话记录（已遮蔽个人信息）',
  who: { customer: '客户', bot: '安心助手', agent: '客服', system: '系统消息' },
  citation: (title, reviewed) => `依据：《${title}》 · 审核于 ${reviewed}`,
  customerSays: (text) => `客户：${text}`,
  reply: {
    heading: '回复客户',
    label: '回复内容',
    hint: 'Enter 发送，Shift+Enter 换行',
    send: '发送',
    sent: '已发送。',
  },
  canned: {
    heading: '常用语（点击插入回复框）',
    kb: '知识库答复（本会话话题，点击插入回复框）',
    phrases: [
      '您好，我是人工客服，已经看到您和安心助手的对话，您不用重复说明。',
      '请先不要再向中介付款，也不要再给对方发送证件、银行卡或验证码。',
      '还款确有困难，可以直接向本行申请个性化分期或延期还款，不需要任何中介，也不收费。',
      '如果已经转账给对方，请尽快拨打 110 报警，并保存好聊天记录和转账凭证。',
      '请不要在聊天里发送身份证号、银行卡号、密码或验证码。',
    ],
  },
  release: {
    heading: '结束会话',
    outcome: '处理结果',
    note: '备注（可选；选“其他”时必填）',
    noteNeeded: '选择“其他”时请填写备注。',
    submit: '结束会话，交回安心助手',
    done: '会话已结束，客户已收到通知，安心助手将继续回答。',
    outcomes: [
      { value: 'resolved', label: '已解决' },
      { value: 'referred-hardship-team', label: '已转困难客户帮扶团队' },
      { value: 'referred-police', label: '已建议报警' },
      { value: 'other', label: '其他' },
    ],
  },
};
