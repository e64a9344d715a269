// pa11y (WCAG2AA, its axe and HTML_CodeSniffer runners) over each URL given, in one Chromium,
// at the viewport width given: prints {url: [issue, ...]} as JSON.
// Used by tests/browser/test_pa11y.py:
//   node pa11y_pages.cjs /usr/bin/chromium 1280 URL [URL ...]
"use strict";
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main() {
  const [executablePath, width, ...urls] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath, args: ["--no-sandbox", "--headless=new"],
  });
  const found = {};
  try {
    for (const url of urls) {
      const result = await pa11y(url, {
        browser, runners: ["axe", "htmlcs"], standard: "WCAG2AA", timeout: 60000,
        viewport: { width: Number(width), height: 900 }, wait: 1000,
      });
      found[url] = result.issues;
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
