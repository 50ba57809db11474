import { Script } from 'node:vm';
import { WEB_PAGE_HTML } from './web-page';
import { WEB_SCRIPT_JS } from './web-script';
import { WEB_STYLES_CSS } from './web-styles';

describe('The web page', () => {
  it('has a script that parses as JavaScript', () => {
    expect(() => new Script(WEB_SCRIPT_JS, { filename: 'app.js' })).not.toThrow();
  });

  it('loads its own script and stylesheet, and has no inline script a strict policy would block', () => {
    expect(WEB_PAGE_HTML.startsWith('<!doctype html>')).toBe(true);
    expect(WEB_PAGE_HTML).toContain('<script src="/assets/app.js" defer></script>');
    expect(WEB_PAGE_HTML).toContain('<link rel="stylesheet" href="/assets/app.css">');
    expect(WEB_PAGE_HTML).not.toMatch(/<script>(?!<\/script>)|\son[a-z]+="/);
    expect(WEB_STYLES_CSS).toContain('.timeline');
  });

  it('has every text of the page in Dutch and in English', () => {
    const keys = [...WEB_PAGE_HTML.matchAll(/data-text="([a-zA-Z]+)"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(5);
    const text = (lang: 'nl' | 'en') => {
      const block = new RegExp(`\\b${lang}: \\{([\\s\\S]*?)\\n    \\}`).exec(WEB_SCRIPT_JS)![1];
      return new Set([...block.matchAll(/^ {6}([a-zA-Z]+):/gm)].map((m) => m[1]));
    };
    const nl = text('nl');
    const en = text('en');
    expect([...nl].sort()).toEqual([...en].sort());
    for (const key of keys) expect(nl).toContain(key);
  });

  it('inserts data as text, never as markup', () => {
    expect(WEB_SCRIPT_JS).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
