package io.wenzheng.e2e;

import io.wenzheng.devstack.identity.Tokens;
import io.wenzheng.devstack.testing.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * One person at the console in headless Chromium, logged in through Keycloak's own login page. Keys go to whatever
 * has the focus, as a person's would, and each one is counted.
 */
final class ConsoleBrowser implements AutoCloseable {
    private final HeadlessChromium browser;
    private int keystrokes;

    private ConsoleBrowser(HeadlessChromium browser) {
        this.browser = browser;
    }

    static ConsoleBrowser login(String consoleUrl, String user) {
        ConsoleBrowser console = new ConsoleBrowser(HeadlessChromium.start(1440, 900));
        console.browser.open(consoleUrl).waitUntil("!!document.getElementById('kc-login')", Duration.ofSeconds(30));
        var driver = console.browser.driver();
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Tokens.demoPassword(user));
        driver.findElement(By.id("kc-login")).click();
        console.waitUntil("document.body && (document.body.dataset.loaded === 'true' || !!document.body.dataset.error)");
        String error = (String) console.js("return document.body.dataset.error || ''");
        if (!error.isEmpty()) {
            throw new AssertionError("the console failed to start for " + user + ": " + error);
        }
        return console;
    }

    /** Presses keys, counting each: a string is typed one character at a time. */
    ConsoleBrowser press(CharSequence... keys) {
        for (CharSequence k : keys) {
            keystrokes += k instanceof Keys ? 1 : k.length();
        }
        new Actions(browser.driver()).sendKeys(keys).perform();
        return this;
    }

    /** Ctrl and a key together, counted as one keystroke. */
    ConsoleBrowser pressWithControl(Keys key) {
        keystrokes++;
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(key).keyUp(Keys.CONTROL).perform();
        return this;
    }

    int keystrokes() {
        return keystrokes;
    }

    /** Clicks what the selector finds; the boards redraw themselves every few seconds, so a row found may be replaced before the click lands. */
    ConsoleBrowser click(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                browser.driver().findElement(By.cssSelector(css)).click();
                return this;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }

    ConsoleBrowser select(String id, String visibleTextOrIndex) {
        var select = new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id(id)));
        if (visibleTextOrIndex.matches("\\d+")) {
            select.selectByIndex(Integer.parseInt(visibleTextOrIndex));
        } else {
            select.selectByValue(visibleTextOrIndex);
        }
        return this;
    }

    ConsoleBrowser go(String hash) {
        js("location.hash = arguments[0]", hash);
        return this;
    }

    /** Waits for a condition; a timeout says what the page showed then, and leaves a screenshot beside the others. */
    ConsoleBrowser waitUntil(String condition) {
        try {
            browser.waitUntil(condition, Duration.ofSeconds(30));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot(Path.of("target", "console", "timeout.png"));
            throw new AssertionError("timed out waiting for " + condition + "; page " + browser.driver().getCurrentUrl()
                    + ", body " + js("return JSON.stringify(document.body.dataset)") + ", status line '"
                    + js("return document.getElementById('status') ? document.getElementById('status').textContent : ''") + "'", e);
        }
        return this;
    }

    Object js(String script, Object... args) {
        return browser.driver().executeScript(script, args);
    }

    String body(String dataAttribute) {
        return (String) js("return document.body.dataset[arguments[0]] || ''", dataAttribute);
    }

    /** Every write the page made, with its round trip in milliseconds, as the page measured it. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> timings() {
        return (List<Map<String, Object>>) js("return window.wzTimings");
    }

    void screenshot(Path png) {
        browser.screenshot(png);
    }

    @Override
    public void close() {
        browser.close();
    }
}
