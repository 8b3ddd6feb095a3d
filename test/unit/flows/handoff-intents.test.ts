import type { Language } from '../../../bot/core/language.js';
import { createNlu } from '../../../bot/nlu/create-nlu.js';
import type { IntentName } from '../../../bot/nlu/nlu.js';
import { localesDir } from '../../../bot/paths.js';

const nlu = await createNlu({ localesDir: localesDir() });

// How people ask for a person or about their ticket; each must reach the service desk, not a clarifying question.
const phrasings: [string, Language, IntentName][] = [
  ['agent', 'en', 'human'],
  ['talk to someone', 'en', 'human'],
  ['agente', 'es', 'human'],
  ['humano', 'es', 'human'],
  ['persona', 'es', 'human'],
  ['atendente', 'pt', 'human'],
  ['falar com um atendente', 'pt', 'human'],
  ['operatore', 'it', 'human'],
  ['parlare con un operatore', 'it', 'human'],
  ['persona', 'it', 'human'],
  ['i want to talk to an agent', 'en', 'human'],
  ['can i talk to a human?', 'en', 'human'],
  ['quiero hablar con un agente', 'es', 'human'],
  ['pásame con un humano', 'es', 'human'],
  ['quero um atendente', 'pt', 'human'],
  ['posso falar com uma pessoa?', 'pt', 'human'],
  ['voglio un operatore', 'it', 'human'],
  ['mi passi una persona?', 'it', 'human'],
  ['any update on SD-000123?', 'en', 'ticket_status'],
  ['how are my tickets going', 'en', 'ticket_status'],
  ['cómo va el SD-000123', 'es', 'ticket_status'],
  ['qué pasa con mis tickets', 'es', 'ticket_status'],
  ['como está o chamado SD-000123', 'pt', 'ticket_status'],
  ['a che punto è SD-000123', 'it', 'ticket_status'],
  ['come vanno i miei ticket', 'it', 'ticket_status'],
  ['status of my ticket', 'en', 'ticket_status'],
  ['how is SD-000123 going', 'en', 'ticket_status'],
  ['estado de mi ticket', 'es', 'ticket_status'],
  ['status do meu chamado', 'pt', 'ticket_status'],
  ['stato del mio ticket', 'it', 'ticket_status'],
];

describe('asking for a person or for a ticket', () => {
  it.each(phrasings)('"%s" (%s) is %s', async (text, language, intent) => {
    expect((await nlu.understand(text, language)).intent).toBe(intent);
  });
});
