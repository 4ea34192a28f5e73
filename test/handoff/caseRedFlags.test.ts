import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgent, agent } from '../helpers/agents.js';
import { call, openConversation, type Running, startServer } from '../helpers/server.js';

let s: Running;
let wang: Awaited<ReturnType<typeof agent>>;

beforeAll(async () => {
  s = await startServer();
  await addAgent(s, 'wang');
  wang = await agent(s.base, 'wang');
});
afterAll(() => s.stop());

/** A customer who says each text in turn; answers the case id the console lists. */
async function customerSays(...texts: string[]): Promise<string> {
  const c = await openConversation(s.base);
  for (const text of texts)
    await call(s.base, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, {
      token: c.token,
      body: { text },
    });
  return `web:${c.conversationId}`;
}

/** The red flags the agent sees for a case: on its queue card and in its summary. */
async function redFlagsSeen(id: string): Promise<{ card: string[]; summary: string[] }> {
  const queue = await wang('GET', '/queue');
  const card = queue.body.waiting.find((w: { id: string }) => w.id === id);
  const view = await wang('GET', `/conversations/${encodeURIComponent(id)}`);
  return { card: card.redFlags, summary: view.body.summary.redFlags };
}

const ADVERT = '这是中介发给我的广告：“专业停息挂账，先交3000服务费，100%成功”';

describe('The suspicious signals of a case reflect the adverts in its transcript', () => {
  it('When a customer asks for a person and then pastes an advert, then the case lists the advert’s red flags', async () => {
    const id = await customerSays('转人工', ADVERT);
    const seen = await redFlagsSeen(id);
    expect(seen.summary).toEqual(expect.arrayContaining(['upfront-fee', 'guaranteed-result']));
    expect(seen.card).toEqual(seen.summary);
  });

  it('When the advert and the request for a person come in one message, then the case lists its red flags', async () => {
    const id = await customerSays(`${ADVERT} 这个靠谱吗 我要找人工`);
    expect((await redFlagsSeen(id)).summary).toEqual(
      expect.arrayContaining(['upfront-fee', 'guaranteed-result']),
    );
  });

  it('When the bot checked the advert before the request, then its red flags are listed once each', async () => {
    const id = await customerSays(ADVERT, ADVERT, '转人工');
    const { summary } = await redFlagsSeen(id);
    expect(summary).toEqual(expect.arrayContaining(['upfront-fee', 'guaranteed-result']));
    expect(new Set(summary).size).toBe(summary.length);
  });

  it('When the transcript holds no advert, then the case lists no red flags', async () => {
    const id = await customerSays('我想问一下信用卡怎么分期', '转人工');
    expect(await redFlagsSeen(id)).toEqual({ card: [], summary: [] });
  });
});
