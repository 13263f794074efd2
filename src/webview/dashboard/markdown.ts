import MarkdownIt from 'markdown-it';

/**
 * Text tiles' markdown as HTML that is safe to insert: markdown-it with raw HTML off (tags in the
 * text come out as text), and only http(s) and mailto links (markdown-it's validateLink already
 * refuses javascript:, vbscript:, file: and most data: URLs). Images would be blocked by the CSP
 * anyway; they are shown as their alt text.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content);

export function renderMarkdown(text: string): string {
  return md.render(text);
}
