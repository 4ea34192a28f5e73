import { topics } from '../../content/taxonomy.json';

/**
 * A topic's name in the agent's language, from the taxonomy the content declares its articles'
 * topics in; an id the taxonomy does not know is shown as it is (a new one must not vanish).
 * @example topicName('debt-relief-scam', 'en') // "'Stop interest and freeze debt' / … agencies"
 */
export function topicName(id: string, lang: string): string {
  const topic = topics.find((t) => t.id === id);
  if (!topic) return id;
  return lang === 'en' ? topic.en : topic.zh;
}
