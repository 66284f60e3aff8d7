import { describe, expect, it } from 'vitest';
import { languageOf, tokenize } from './highlight';

describe('preview tokenizer', () => {
  it('keeps every character, in order', () => {
    const src = '# c\nresource "a" "b" {\n  n = 5\n}\n';
    expect(
      tokenize(src, 'hcl')
        .map((t) => t.text)
        .join(''),
    ).toBe(src);
  });
  it('recognises comments, strings, numbers and keywords', () => {
    const kinds = (src: string, lang: Parameters<typeof tokenize>[1]) =>
      tokenize(src, lang)
        .filter((t) => t.kind !== 'text')
        .map((t) => [t.kind, t.text]);
    expect(kinds("param x int = 32 // note\nname: 'it\\'s'", 'bicep')).toEqual([
      ['keyword', 'param'],
      ['keyword', 'int'],
      ['number', '32'],
      ['comment', '// note'],
      ['string', "'it\\'s'"],
    ]);
    expect(kinds('{"a": true}', 'json')).toEqual([
      ['string', '"a"'],
      ['keyword', 'true'],
    ]);
    expect(kinds("az x --name 'a b' # end", 'shell')).toEqual([
      ['keyword', 'az'],
      ['string', "'a b'"],
      ['comment', '# end'],
    ]);
  });
  it('picks the language from the file name', () => {
    expect(
      ['a.json', 'main.tf', 'main.bicep', 'main.bicepparam', 'deploy.sh', 'terraform.tfvars.example'].map(languageOf),
    ).toEqual(['json', 'hcl', 'bicep', 'bicep', 'shell', 'hcl']);
  });
  it('stops highlighting after the limit but keeps the text', () => {
    const src = '"x" '.repeat(100);
    const tokens = tokenize(src, 'json', 10);
    expect(tokens.map((t) => t.text).join('')).toBe(src);
    expect(tokens[tokens.length - 1]!.kind).toBe('text');
  });
});
