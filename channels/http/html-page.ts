import { escapeHtml } from './escape-html.js';

export interface HtmlPage {
  language: string;
  title: string;
  stylesheet: string;
  /** Extra head elements, already HTML (e.g. a refresh meta). */
  head?: string;
  /** The main content, already HTML with everything in it escaped. */
  body: string;
}

/** The shell of a server-rendered page (the reset page, the WhatsApp admin page): escaped title, one stylesheet. */
export function htmlPage({ language, title, stylesheet, head = '', body }: HtmlPage): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${head}<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(stylesheet)}">
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}
