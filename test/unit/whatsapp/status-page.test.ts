import { renderStatusPage } from '../../../channels/whatsapp/status-page.js';

describe('the WhatsApp admin page', () => {
  it('escapes every text it shows, translations and the code image included', () => {
    const html = renderStatusPage({ language: 'en"><script>', state: 'waiting_for_qr', qrImage: 'data:image/svg+xml;base64,"><script>x</script>', t: (key) => `<script>alert('${key}')</script>` });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&#39;whatsapp:admin.title&#39;)&lt;/script&gt;');
  });
});
