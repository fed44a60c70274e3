package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * The flyway-autogen Dev UI card in headless Chromium, through Playwright for Java: its driver (Node.js included)
 * comes in the test jar, so the build needs no Node.js. The browser is Debian's Chromium when installed, else the one
 * Playwright installs with its CLI; the test never downloads a browser itself. The browser tests are
 * {@code @Requires(Prerequisite.CHROMIUM)}: without one they are skipped saying what to install, and fail under CI=true.
 * <p>
 * Selectors are CSS inside the card's web component (Playwright's CSS pierces open shadow roots). A failing step
 * fails the test with the card's text, the browser's console errors and a screenshot in {@code target/}.
 * <p>
 * One Playwright driver and one Chromium serve every page of the test JVM (starting both took seconds per test
 * class); each page gets a browser context of its own, so no cookie or storage passes from one test to the next.
 */
final class DevUiCardPage implements AutoCloseable {

    static final String CARD = "qwc-flyway-autogen";
    /** The card's main page waits for its summary; another page of the card, for an element of its own. */
    private static final String CARD_READY = "#summary";
    /** {@code -Dflyway-autogen.test.chromium} names another (testsupport.Prerequisite.CHROMIUM checks the same). */
    private static final Path DEBIAN_CHROMIUM = Path.of(System.getProperty("flyway-autogen.test.chromium", "/usr/bin/chromium"));
    /** Per step: opening the Dev UI alone (about 1000 module requests) took up to 18 s on a busy machine. */
    private static final double STEP_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(60);

    /** The test JVM's driver and browser: started by the first page, ended when the JVM exits. */
    private static Playwright playwright;
    private static Browser browser;

    private final BrowserContext context;
    private final Page page;
    private final Path failureScreenshot;
    private final List<String> consoleErrors = new ArrayList<>();
    private final String component;
    private final String ready;

    /** @param name of the failure screenshot written to {@code target/} */
    DevUiCardPage(String name) {
        this(name, CARD, CARD_READY);
    }

    /** For another page of the card: its web component, and what shows once it has its data. */
    DevUiCardPage(String name, String component, String ready) {
        this.component = component;
        this.ready = ready;
        this.failureScreenshot = Path.of("target", name + "-failure.png").toAbsolutePath();
        this.context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000));
        this.page = context.newPage();
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        // browser-side errors are the most likely reason a card stays empty: shown with a failure
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(consoleErrors::add);
    }

    private static synchronized Browser browser() {
        if (browser == null || !browser.isConnected()) {
            if (playwright == null) {
                // Playwright.create() would otherwise fetch its browsers from the network first
                playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                // closing Playwright ends its driver process and the browser it started
                Playwright started = playwright;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "playwright-close"));
            }
            browser = launch(playwright);
        }
        return browser;
    }

    private static Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                // --no-sandbox: CI runs as root; nothing but the Dev UI on localhost, so no background networking
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"));
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            options.setExecutablePath(DEBIAN_CHROMIUM);
        }
        try {
            return playwright.chromium().launch(options);
        } catch (PlaywrightException e) {
            throw new AssertionError("no Chromium for the Dev UI card test: install Debian's (`apt-get install chromium`,"
                    + " " + DEBIAN_CHROMIUM + ") or Playwright's (`./mvnw exec:java -pl autogen/deployment"
                    + " -Dexec.classpathScope=test -Dexec.mainClass=com.microsoft.playwright.CLI"
                    + " -Dexec.args=\"install chromium\"`): " + e.getMessage(), e);
        }
    }

    /** Loads a Dev UI page and waits for the card's first status answer (a placeholder until then). */
    void open(String url) {
        step("open " + url, () -> {
            page.navigate(url);
            card(ready).first().waitFor();
        });
    }

    Locator card(String selector) {
        return page.locator(component).locator(selector);
    }

    /** Waits until an element matching {@code selector} in the card contains {@code text}, case and spaces as given. */
    void expectText(String selector, String text) {
        expectText(card(selector), selector, text);
    }

    /**
     * Waits until {@code text} is visible anywhere on the page: Dev UI's notifications live outside the card.
     * Playwright's text match, so case and runs of spaces are ignored.
     */
    void expectVisibleText(String text) {
        step("expect visible text " + text, () -> page.getByText(text).first().waitFor(
                new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)));
    }

    /** Waits until an element matching {@code selector} anywhere on the page contains {@code text}, visible or not. */
    void expectPageText(String selector, String text) {
        expectText(page.locator(selector), selector, text);
    }

    /** Waits until a button labelled {@code label} shows, or with {@code visible} false, until none does. */
    void expectButton(String label, boolean visible) {
        step("expect button " + label + (visible ? "" : " to go"), () -> button(label).waitFor(
                new Locator.WaitForOptions().setState(visible ? WaitForSelectorState.VISIBLE : WaitForSelectorState.HIDDEN)));
    }

    /** How many elements match {@code selector} in the card, once at least one does. */
    int count(String selector) {
        int[] count = new int[1];
        step("count " + selector, () -> {
            card(selector).first().waitFor();
            count[0] = card(selector).count();
        });
        return count[0];
    }

    /** Clicks once the element is visible and enabled (vaadin-button sets aria-disabled). */
    void click(String selector) {
        step("click " + selector, () -> card(selector).click());
    }

    /** A button by its label anywhere on the page: the confirm dialog's buttons live in its overlay. */
    void clickButton(String label) {
        step("click button " + label, () -> button(label).click());
    }

    private Locator button(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    /** Types into a vaadin-text-field; its {@code <input>} is a light-DOM child. */
    void fill(String textField, String text) {
        step("fill " + textField, () -> card(textField + " input").fill(text));
    }

    String inputValue(String textField) {
        String[] value = new String[1];
        step("read " + textField, () -> value[0] = card(textField + " input").inputValue());
        return value[0];
    }

    void screenshot(Path file) {
        step("screenshot " + file, () -> page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true)));
    }

    private void expectText(Locator locator, String selector, String text) {
        step("expect " + selector + " to contain " + text, () -> {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos((long) STEP_TIMEOUT_MS);
            List<String> found = List.of();
            while (System.nanoTime() < deadline) {
                found = locator.allTextContents();
                if (found.stream().anyMatch(t -> t.contains(text))) {
                    return;
                }
                page.waitForTimeout(100);
            }
            throw new AssertionError("expected " + selector + " to contain \"" + text + "\"; found "
                    + (found.isEmpty() ? "no such element" : found));
        });
    }

    private void step(String description, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            fail("Dev UI card, step \"" + description + "\": " + e.getMessage() + "\ncard text: " + cardText()
                    + (consoleErrors.isEmpty() ? "" : "\nbrowser console errors:\n  " + String.join("\n  ", consoleErrors))
                    + "\nscreenshot: " + saveFailureScreenshot(), e);
        }
    }

    private String cardText() {
        try {
            // innerText of the element itself would leave out its shadow root, where the card renders
            Object text = page.locator(component).first().evaluate("card => card.shadowRoot.textContent",
                    null, new Locator.EvaluateOptions().setTimeout(1000));
            String shown = String.valueOf(text).replaceAll("\\s+", " ");
            return '"' + shown.substring(0, Math.min(shown.length(), 2000)) + '"';
        } catch (PlaywrightException e) {
            return "(no <" + component + "> on the page, title \"" + page.title() + "\")";
        }
    }

    private String saveFailureScreenshot() {
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(failureScreenshot).setFullPage(true));
            return failureScreenshot.toString();
        } catch (PlaywrightException e) {
            return "not saved: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        // the page and its context only: the browser serves the next test
        context.close();
    }
}
