import type { KnowledgeArticle, KnowledgeBase, KnowledgeEvent, KnowledgeHit } from '../../../../bot/core/knowledge-base.js';
import { MesaError } from '../../../../bot/core/errors.js';
import type { Language } from '../../../../bot/core/language.js';

/** A knowledge base of a few articles found by a keyword; the real search has its own tests. */
export class MemoryKnowledgeBase implements KnowledgeBase {
  readonly events: { id: string; event: KnowledgeEvent }[] = [];
  searchDown = false;

  constructor(private readonly articles: (KnowledgeArticle & { keyword: string })[]) {}

  async search(query: string, language: Language, limit: number): Promise<KnowledgeHit[]> {
    if (this.searchDown) throw new MesaError('search_unavailable', 'Search is down.');
    return this.articles
      .filter((article) => article.language === language && query.toLowerCase().includes(article.keyword))
      .slice(0, limit)
      .map(({ id, title }) => ({ id, title, language }));
  }

  async article(id: string, language: Language): Promise<KnowledgeArticle | null> {
    const found = this.articles.find((article) => article.id === id && article.language === language);
    return found ? { id: found.id, language: found.language, title: found.title, category: found.category, steps: found.steps } : null;
  }

  async record(id: string, event: KnowledgeEvent): Promise<void> {
    this.events.push({ id, event });
  }

  async recordGap(): Promise<void> {}
}

export const vpnArticles = [
  { id: 'vpn-cannot-connect', language: 'en' as const, keyword: 'vpn', title: "I can't connect to the VPN", category: 'network', steps: ['Check you are online.', 'Restart GlobalProtect.', 'Sign in again.'] },
  { id: 'vpn-cannot-connect', language: 'es' as const, keyword: 'vpn', title: 'No puedo conectarme a la VPN', category: 'network', steps: ['Comprueba que tienes internet.', 'Reinicia GlobalProtect.', 'Vuelve a iniciar sesión.'] },
];
