// NLP.js v4 ships no types; this declares only the surface Mesa uses, checked against the package sources.

declare module '@nlpjs/nlp' {
  export interface NlpClassification {
    intent: string;
    score: number;
  }

  export interface NluManagerResult {
    locale: string;
    utterance: string;
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }

  export interface NerEntity {
    entity: string;
    option?: string;
    accuracy: number;
    sourceText: string;
    start: number;
    end: number;
  }

  /** One trained NLU (@nlpjs/nlu Nlu): its vocabulary of stems and its per-message memo. */
  export interface DomainNlu {
    cache?: unknown;
    /** Every stem seen in training. */
    features?: Record<string, number>;
    /** The labels whose training utterances use each stem. */
    featuresToIntent?: Record<string, string[]>;
    /** Normalises, tokenises and stems a text into a set of stems. */
    prepare(text: string): Promise<Record<string, number>>;
    spellCheck: { minLength: number; check(stems: string[], distance: number): string[] };
  }

  export interface NlpSettings {
    languages: string[];
    autoLoad?: boolean;
    autoSave?: boolean;
    calculateSentiment?: boolean;
    threshold?: number;
    /** Read by the NLU manager (see nlp-engine.ts for why each is set). */
    nlu?: { log?: boolean; useNoneFeature?: boolean; spellCheck?: boolean };
  }

  export class Nlp {
    constructor(settings: NlpSettings);
    use(plugin: unknown): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    addNerRuleOptionTexts(locale: string, name: string, option: string, texts: string[]): void;
    train(): Promise<unknown>;
    nluManager: {
      process(locale: string, utterance: string): Promise<NluManagerResult>;
      /** Per-locale domain managers; without trainByDomain all intents live in domains.master_domain. */
      domainManagers: Record<string, { domains: Record<string, DomainNlu | undefined> } | undefined>;
    };
    /** NLP.js's service container: tokenizer-<locale>, stemmer-<locale>, … */
    container: { get(name: string): unknown };
    ner: {
      process(input: { locale: string; utterance: string; threshold?: number }): Promise<{ entities: NerEntity[] }>;
    };
  }

  const nlpPackage: { Nlp: typeof Nlp };
  export default nlpPackage;
}

declare module '@nlpjs/lang-en' {
  const langEnPackage: { LangEn: unknown };
  export default langEnPackage;
}

declare module '@nlpjs/lang-es' {
  const langEsPackage: { LangEs: unknown };
  export default langEsPackage;
}

declare module '@nlpjs/lang-pt' {
  const langPtPackage: { LangPt: unknown };
  export default langPtPackage;
}

declare module '@nlpjs/lang-it' {
  const langItPackage: { LangIt: unknown };
  export default langItPackage;
}
