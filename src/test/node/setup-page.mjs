// Opens the server's setup page in headless Chromium (the machine's own, never a download), clicks
// the copy button, and prints what a person sees as JSON: the page's heading, the connector URL in
// the field and on the clipboard, and the connection doctor's rows. Saves a screenshot.
// Usage: node setup-page.mjs <page url> <screenshot path> <chromium executable>
import { chromium } from 'playwright-core';

const [url, screenshot, executablePath] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const response = await page.goto(url);
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copied').textContent === 'Copied', null, {
    timeout: 10000,
  });
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  const checks = await page.$$eval('tr[data-check]', (rows) =>
    rows.map((r) => ({
      id: r.dataset.check,
      title: r.cells[0].textContent,
      verdict: r.cells[1].textContent,
      detail: r.cells[2].textContent,
      fix: r.cells[3].textContent,
    })),
  );
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(
    JSON.stringify({
      status: response.status(),
      contentType: response.headers()['content-type'],
      heading: await page.textContent('h1'),
      field: await page.inputValue('#mcp-url'),
      clipboard,
      checks,
    }),
  );
} finally {
  await browser.close();
}
