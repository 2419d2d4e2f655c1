package io.wenzheng.devstack.testing;

import io.wenzheng.devstack.process.DebianPackages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver, for tests of the suite's web pages. Installs
 * both (and a CJK font) when they are missing; downloads nothing. The flags keep Chromium off the network this
 * machine does not have.
 */
public final class HeadlessChromium implements AutoCloseable {
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    public static void ensureInstalled() {
        DebianPackages.ensure("chromium", "chromium-driver", "fonts-droid-fallback");
    }

    public static HeadlessChromium start(int width, int height) {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new HeadlessChromium(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public HeadlessChromium open(String url) {
        driver.get(url);
        return this;
    }

    /** Waits until a JavaScript expression is truthy, e.g. {@code document.body.dataset.loaded === 'true'}. */
    public HeadlessChromium waitUntil(String script, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!(" + script + ")")));
        return this;
    }

    /** The current DOM, serialised. */
    public String dom() {
        return (String) driver.executeScript("return document.documentElement.outerHTML");
    }

    public void screenshot(Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
