import { createHash } from 'node:crypto';
import { parsePhone } from '@dvc-kit/sdk';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { OutboxMessage } from '../store/sms-outbox.js';
import type { OutboxSms } from '../sms/outbox.js';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;margin-bottom:.5rem}
th,td{border:1px solid #b1b4b6;padding:.5rem;text-align:left;vertical-align:top}th{background:#f3f2f1}
td.text{font-family:ui-monospace,monospace}
.dev-banner{background:#ffdd00;color:#0b0c0c;border:4px solid #0b0c0c;padding:1rem;margin:0 0 1.5rem;font-weight:700}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

function vietnamTime(date: Date): string {
  return date.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}

function page(messages: readonly OutboxMessage[]): string {
  const rows = messages.length
    ? messages
        .map((message) => `<tr><td><time datetime="${escapeHtml(message.createdAt.toISOString())}">${escapeHtml(vietnamTime(message.createdAt))}</time></td><td>${escapeHtml(message.to)}</td><td class="text">${escapeHtml(message.text)}</td></tr>`)
        .join('\n')
    : '<tr><td colspan="3">Chưa có tin nhắn nào.</td></tr>';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hộp thư SMS – môi trường phát triển DVC Kit</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="dev-banner"><strong>CHẾ ĐỘ PHÁT TRIỂN (DEVELOPMENT MODE)</strong> — dịch vụ đang chạy thử: sổ đăng ký giả lập, mã OTP hiện ở đây thay vì gửi tới điện thoại. Không dùng cho người dân.</p>
<h1>Hộp thư SMS (môi trường phát triển)</h1>
<p>Tin nhắn mà dịch vụ định danh lẽ ra gửi tới điện thoại. Chỉ có khi chạy thử; tải lại trang để xem tin mới.</p>
<table>
<caption>Tin nhắn đã gửi, mới nhất ở trên</caption>
<thead><tr><th scope="col">Thời gian</th><th scope="col">Số điện thoại</th><th scope="col">Nội dung</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
</body>
</html>
`;
}

/**
 * The development SMS outbox, only when SMS goes to the outbox: `GET /dev/outbox` (an accessible
 * HTML table, newest first) and `GET /dev/outbox.json?phone=+849…` (`{ messages: [{ to, text,
 * createdAt }] }`, newest first) — how a developer, a test or the browser journey reads the codes.
 * Only in development mode; the page carries a banner saying so, and the JSON has no CORS header (a
 * page on another origin cannot read the codes).
 */
export function devOutboxRoutes(outbox: OutboxSms): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const phoneFilter = (value: string | undefined) => {
    if (!value) return undefined;
    const parsed = parsePhone(value);
    return parsed.ok ? parsed.e164 : value;
  };

  routes.get('/dev/outbox', async (c) => {
    const to = phoneFilter(c.req.query('phone'));
    const messages = await outbox.messages({ ...(to ? { to } : {}), limit: 200 });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; frame-ancestors 'none'`);
    return c.html(page(messages));
  });

  routes.get('/dev/outbox.json', async (c) => {
    const to = phoneFilter(c.req.query('phone'));
    const messages = await outbox.messages({ ...(to ? { to } : {}), limit: 200 });
    // No CORS header: codes are read server-side (tests, the Node integrator) or on this page, never by another origin.
    c.header('Cache-Control', 'no-store');
    return c.json({ messages: messages.map((message) => ({ to: message.to, text: message.text, createdAt: message.createdAt.toISOString() })) });
  });

  return routes;
}
