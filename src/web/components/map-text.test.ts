import { describe, expect, it } from 'vitest';
import { escapeHtml, mapText } from './map-text.js';

describe('map text', () => {
  it('turns every character that could start markup or leave an attribute into an entity', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')"> & <b>`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; &lt;b&gt;',
    );
    expect(escapeHtml('Södra biblioteket – entré')).toBe('Södra biblioteket – entré');
  });

  it('joins lines with a line break, the only markup it adds', () => {
    expect(mapText('Problem: <b>a</b>', 'Problem: b')).toBe('Problem: &lt;b&gt;a&lt;/b&gt;<br>Problem: b');
    expect(mapText('&lt;')).toBe('&amp;lt;');
  });
});
