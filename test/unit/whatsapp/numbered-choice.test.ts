import { matchChoice } from '../../../channels/whatsapp/numbered-choice.js';

const offered = [
  { id: 'kbfix.fixed', label: 'Sí, ya funciona' },
  { id: 'kbfix.not_fixed', label: 'No, sigue igual' },
  { id: 'kbfix.agent', label: 'Hablar con un analista' },
];

describe('a typed answer to a WhatsApp numbered list', () => {
  it.each([['1', 'kbfix.fixed'], ['2', 'kbfix.not_fixed'], [' 3 ', 'kbfix.agent'], ['2.', 'kbfix.not_fixed'], ['3)', 'kbfix.agent']])('"%s" picks %s', (answer, id) => {
    expect(matchChoice(answer, offered)?.id).toBe(id);
  });

  it('takes the label itself, whatever its case, accents and punctuation', () => {
    expect(matchChoice('no sigue igual', offered)?.id).toBe('kbfix.not_fixed');
    expect(matchChoice('SI, YA FUNCIONA!', offered)?.id).toBe('kbfix.fixed');
  });

  it('forgives a typo in a label when only one label is that close', () => {
    expect(matchChoice('Hablar con un analsta', offered)?.id).toBe('kbfix.agent');
  });

  it('leaves numbers outside the list, other text and an empty list as text', () => {
    expect(matchChoice('4', offered)).toBeNull();
    expect(matchChoice('0', offered)).toBeNull();
    expect(matchChoice('la impresora tampoco va', offered)).toBeNull();
    expect(matchChoice('1', [])).toBeNull();
  });
});
