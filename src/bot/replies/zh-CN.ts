import type { Replies } from './replies.js';

export const zhCN: Replies = {
  welcome:
    '您好，我是安心助手。关于“代理投诉”“征信修复”“停息挂账”这类中介，还款困难、催收和投诉渠道，都可以问我；也可以把收到的广告或消息直接发给我，我帮您看看靠不靠谱。',
  welcomeActions: [
    { title: '停息挂账靠谱吗', value: '停息挂账靠谱吗' },
    { title: '还款有困难怎么办', value: '信用卡还不上了怎么办' },
    { title: '帮我看看这条广告', value: '我收到一条广告，帮我看看靠不靠谱' },
    { title: '转人工', value: '转人工' },
  ],
  thanks: '不客气。有新的情况，随时回来问我。保护好自己的身份证、银行卡和验证码。',
  outOfScope:
    '这个问题我帮不上忙，抱歉。我能解答的是：代理投诉、征信修复、停息挂账这类中介的风险，还款困难怎么和银行商量，催收和投诉的正规渠道。',
  outOfScopeActions: [
    { title: '代理投诉是什么', value: '代理投诉是什么' },
    { title: '怎么投诉银行', value: '对银行不满意怎么投诉' },
    { title: '转人工', value: '转人工' },
  ],
  stepsHeading: '现在可以做：',
  channelsHeading: '可以找：',
  citation: (title, reviewed) => `依据：《${title}》（审核于 ${reviewed}）`,
  clarify: '我想先确认一下，您想问的是下面哪一个？也可以换个说法告诉我。',
  clarifyAgain: '抱歉，我还是没太明白。您可以换个说法，或者选一个最接近的，也可以转人工客服。',
  talkToPerson: { title: '转人工', value: '转人工' },
  checkHeading: '我在这段内容里看到这些危险信号：',
  flagLine: (name, explain) => `- ${name}：${explain}`,
  checkVerdict: {
    many: '结论：这很像非法“代理”中介的套路，建议不要付钱，不要给证件、卡号和验证码，也别再和对方私聊。',
    some: '结论：这里有需要警惕的地方，先别付钱、别给资料，核实清楚再说。',
    none: '我没有在这段内容里找到常见的危险信号，但这不能说明它是安全的：正规的银行和监管部门不会收费帮您“处理”欠款，拿不准就直接问银行。',
    unsure:
      '这段内容谈到欠款、征信或催收，但单看文字，我判断不了是谁发的、想让您做什么，所以没法说它可靠。请记住：协商还款、查征信、投诉，都可以直接找银行或监管部门，免费，不需要中介；谁要您先交钱、交证件或验证码，都不要给。',
  },
  checkLawfulPath: '正规的办法：',
  stopLossIntro: '别太自责，很多人都遇到过。现在止损还来得及，请先做这几件事：',
  refusal: {
    forge: '这个我不能帮您做：伪造或编造证明材料，会让您自己承担法律责任，还可能让本来能谈成的事彻底谈不成。',
    provoke: '这个我不能帮您做：故意激怒或设套让工作人员犯错，会让您自己陷入纠纷，也解决不了欠款。',
    'malicious-complaint':
      '这个我不能帮您做：编造事实或反复恶意投诉，可能让您承担法律责任。真实的不满，我可以告诉您怎么有效投诉。',
    evade: '这个我不能帮您做：躲债、转移财产逃避还款，会让问题更严重，还可能违法。',
  },
  refusalLawfulPath: '您真正想解决的问题，有正规的路可以走：',
  distress:
    '听到您这么说，我很担心您。欠款的事再难，也有办法慢慢解决，您不用一个人扛。\n\n如果您现在有伤害自己的念头，请马上拨打{{channel:12356}}，有专业的人可以陪您聊聊。如果情况危急，请立即拨打{{channel:110}}或{{channel:120}}。',
  frustration: '抱歉，没能帮到您。我这就请人工客服来帮您。',
  handoffQueued:
    '我已经为您申请了人工客服，并把我们的对话摘要（个人信息已隐去）一起转了过去。人工客服接入后会在这里回复您；着急的话，也可以直接联系{{bank:hotline}}。',
  handoffPriority:
    '我已经为您优先申请了人工客服，并把对话摘要（个人信息已隐去）转了过去。人工客服接入后会在这里回复您；情况紧急，也可以直接联系{{bank:hotline}}。',
  handoffPending: '人工客服的申请已经提交，请稍等，接入后会在这里回复您。',
  handoffAccepted: (agentName) => `人工客服${agentName ? ` ${agentName} ` : ''}已接入，请直接说明您的情况。`,
  handoffEnded: '人工客服已结束本次服务。有其他问题，随时可以问我。',
  handoffClosed: (hours) =>
    `现在不在人工客服的服务时间（${hours}），很抱歉不能马上接入。您的请求已经记下了；如果愿意，可以回复一个方便联系的电话号码，上班后人工客服会给您回电。着急的话，也可以联系{{bank:hotline}}。`,
  callbackNoted: (maskedNumber) =>
    `好的，已记下回电号码 ${maskedNumber}，人工客服上班后会尽快联系您。这个号码只有接手的客服能看到。`,
  handoffFailed: '抱歉，人工客服暂时无法接入。您可以继续问我，或者联系{{bank:hotline}}。',
  handoffPosition: (position) =>
    position <= 1 ? '您是下一位，请稍等。' : `您前面还有 ${position - 1} 位客户在等候。`,
  piiWarning:
    '提醒一下：为了保护您，聊天里不需要发身份证号、银行卡号、手机号这类信息，我已经自动隐藏了。银行不会在聊天里向您要密码或验证码。',
  report: {
    askWhere:
      '谢谢您愿意举报，这能帮到更多人。您是在哪里看到这个中介或广告的？（比如抖音、小红书、微信、短信、电话）',
    askIdentifiers: (platform) =>
      `${platform ? `好的，在${platform}上。` : ''}对方的联系方式或账号是什么？可以是电话、微信号、店铺或账号名、网址。没有的话回复“跳过”。`,
    askDescription: '最后，简单说说对方是怎么说的、做了什么（比如收费多少、承诺了什么）。',
    saved: (reference) =>
      `举报已记录，编号是 ${reference}，银行会核实处理。\n\n您还可以：在发布广告的平台上直接举报这个账号；向{{channel:12321-web}}举报；被收费或合同纠纷可以找{{channel:12315}}；如果已经被骗了钱，请拨打{{channel:110}}报警。`,
    cancelled: '好的，已取消举报，您填的内容没有保存。有需要随时再来。',
    cancelAction: { title: '取消举报', value: '取消' },
    skipAction: { title: '跳过', value: '跳过' },
    resumeAction: { title: '继续举报', value: '我要举报' },
    noted: (items) => `记下了：${items}。`,
    reportAdAction: { title: '举报这条广告', value: '举报这条广告' },
    askAnythingElse:
      '您刚才发来的广告内容会一起提交。还有要补充的吗？比如对方收了多少钱、怎么联系您的。没有的话回复“没有”。',
    pitchLabel: '广告原文：',
  },
  safeFallback:
    '抱歉，这条回复没有通过我们的安全检查，我没有发出。请换个说法再问一次，或者联系{{bank:hotline}}。',
  turnError: '抱歉，刚才出了点问题，请稍后再试一次。着急的话，可以联系{{bank:hotline}}。',
};
