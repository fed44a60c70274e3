// Drives the flyway-autogen Dev UI card in headless Chromium, one scenario step after another.
//
//   node devui-card.mjs <dev-ui-url> <step>...
//
// Steps (selectors are CSS, looked up inside the card's web component; Playwright pierces open shadow roots):
//   open <path>                 load <dev-ui-url>/<path> and wait for the card to render its status
//   expect <selector> <text>    wait until an element matching <selector> contains <text> (case-sensitive)
//   click <selector>            click it, once it is enabled
//   screenshot <file>           save a full-page PNG and print its path
//
// Environment: CHROMIUM (default /usr/bin/chromium), DEVUI_TIMEOUT_MS per step (default 30000),
// DEVUI_FAILURE_SCREENSHOT: a PNG saved when a step fails, so the failure can be looked at.
//
// Exits 0 when every step passed, 1 with "FAILED: <why>" on the first one that did not, 2 on bad arguments.

import { chromium } from 'playwright-core';

// The card's pages are web components of their own: DEVUI_ELEMENT names the page's element, DEVUI_READY the element
// it renders once its first JSON-RPC answer came
const CARD = process.env.DEVUI_ELEMENT || 'qwc-flyway-autogen';
const READY = process.env.DEVUI_READY || '#summary';
const STEP_ARITY = { open: 1, expect: 2, click: 1, screenshot: 1 };

const [baseUrl, ...rest] = process.argv.slice(2);
const steps = parseSteps(rest);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const timeout = Number(process.env.DEVUI_TIMEOUT_MS || 30000);

let browser;
let page;
const consoleErrors = [];
try {
    browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        // --disable-background-networking: nothing but the Dev UI on localhost, no updates, no metrics
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Browser-side errors are the most likely reason a card stays empty: show them with the failure
    page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', e => consoleErrors.push(e.message));
    const started = Date.now();
    for (const step of steps) {
        const stepStarted = Date.now();
        try {
            await run(step);
        } catch (e) {
            throw new Error(`step "${step.join(' ')}": ${e.message}`);
        }
        console.log(`ok (${Date.now() - stepStarted} ms): ${step.join(' ')}`);
    }
    console.log(`PASSED: all ${steps.length} steps in ${Date.now() - started} ms (after Chromium started)`);
} catch (e) {
    console.log(`FAILED: ${e.message}`);
    if (consoleErrors.length) {
        console.log(`browser console errors:\n  ${consoleErrors.join('\n  ')}`);
    }
    await failureScreenshot();
    process.exitCode = 1;
} finally {
    await browser?.close();
}

async function run([name, ...args]) {
    const card = page.locator(CARD);
    switch (name) {
        case 'open': {
            const url = new URL(args[0], baseUrl.endsWith('/') ? baseUrl : baseUrl + '/').href;
            await page.goto(url, { timeout });
            // Until the first status answer the card shows a placeholder; READY comes with the answer
            await waitFor(card.locator(READY), `card <${CARD}> with its status at ${url}`);
            break;
        }
        case 'expect':
            await expectText(card.locator(args[0]), args[0], args[1]);
            break;
        case 'click':
            // click() waits for the element to be visible and enabled (vaadin-button sets aria-disabled)
            await card.locator(args[0]).click({ timeout });
            break;
        case 'screenshot':
            await page.screenshot({ path: args[0], fullPage: true });
            console.log(`screenshot: ${args[0]}`);
            break;
    }
}

async function waitFor(locator, what) {
    try {
        await locator.first().waitFor({ timeout });
    } catch (e) {
        throw new Error(`no ${what} after ${timeout} ms; page text: ${await pageText()}`);
    }
}

// Polls instead of Playwright's hasText, which ignores case and whitespace: the SQL must match exactly
async function expectText(locator, selector, text) {
    const deadline = Date.now() + timeout;
    let found = [];
    while (Date.now() < deadline) {
        found = await locator.allTextContents();
        if (found.some(t => t.includes(text))) {
            return;
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    const seen = found.length ? found.map(t => JSON.stringify(t.trim())).join(', ') : 'no such element';
    throw new Error(`expected ${selector} in <${CARD}> to contain ${JSON.stringify(text)} within ${timeout} ms; `
        + `found: ${seen}`);
}

async function pageText() {
    try {
        const text = await page.locator(CARD).first().innerText({ timeout: 1000 });
        return JSON.stringify(text.slice(0, 2000));
    } catch (e) {
        return `(no <${CARD}> on the page, title ${JSON.stringify(await page.title())})`;
    }
}

async function failureScreenshot() {
    const file = process.env.DEVUI_FAILURE_SCREENSHOT;
    if (!file || !page) {
        return;
    }
    try {
        await page.screenshot({ path: file, fullPage: true });
        console.log(`failure screenshot: ${file}`);
    } catch (e) {
        console.log(`failure screenshot not saved: ${e.message}`);
    }
}

function parseSteps(args) {
    const usage = 'usage: node devui-card.mjs <dev-ui-url> <step>... with steps '
        + Object.entries(STEP_ARITY).map(([s, n]) => `${s} (${n} argument${n > 1 ? 's' : ''})`).join(', ');
    if (!baseUrl || !args.length) {
        fail(usage);
    }
    const parsed = [];
    for (let i = 0; i < args.length; i += 1 + STEP_ARITY[args[i]]) {
        const arity = STEP_ARITY[args[i]];
        if (arity === undefined || i + arity >= args.length) {
            fail(`bad step at argument ${i + 2} (${JSON.stringify(args[i])}); ${usage}`);
        }
        parsed.push(args.slice(i, i + 1 + arity));
    }
    return parsed;
}

function fail(message) {
    console.log(`FAILED: ${message}`);
    process.exit(2);
}
