package org.soundwave.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' Chromium (Debian's chromium and chromium-driver, headless, a fresh profile), as a JUnit
 * extension: {@code @RegisterExtension static final Browser browser = new Browser(TestCluster::get);} (or
 * {@code StandardDataset::cluster}) gets the cluster and starts Chromium before the class's first test and
 * quits it after the last; {@link #open} goes to a path of the cluster's balancer. It is the WebDriver
 * itself, with the waiting, typing and signing in every browser test needs; a test that fails leaves the page it was on (address and source) in
 * {@code target/browser-failures/<class>.<test>.html}.
 */
public final class Browser implements WebDriver, TakesScreenshot, BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Supplier<TestCluster> clusters;
    private TestCluster cluster;
    private ChromeDriver driver;

    /** A browser on the cluster {@code clusters} gives (started, with the data the test needs) before the first test. */
    public Browser(Supplier<TestCluster> clusters) {
        this.clusters = clusters;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = clusters.get();
        driver = chromium();
    }

    /** The cluster this browser visits. */
    public TestCluster cluster() {
        return cluster;
    }

    /** Goes to a path of the cluster's balancer ({@code /posts/1}). */
    public void open(String path) {
        get(cluster.url(path));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (driver != null) {
            Path pages = Path.of("target", "browser-failures");
            Files.createDirectories(pages);
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName() + ".html";
            Files.writeString(pages.resolve(name), "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
        }
        throw failure;
    }

    /** Waits up to 20 s for a condition. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Types into the field with this id, replacing what it held. */
    public void type(String id, String text) {
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Fills in the sign-in form on this page and submits it. */
    public void signIn(String username, String password) {
        type("signin:username", username);
        type("signin:password", password);
        findElement(By.id("signin:submit")).click();
    }

    /** Waits until the page is the one titled so (the site adds " · Soundwave" to every title). */
    public void waitForTitle(String title) {
        waiting().until(ExpectedConditions.titleIs(title + " · Soundwave"));
    }

    /** Waits until the element with this id contains the text. */
    public void waitForText(String id, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private static ChromeDriver chromium() {
        try {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions()
                    .setBinary("/usr/bin/chromium")
                    .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run", "--remote-debugging-pipe", "--window-size=1280,900",
                            "--user-data-dir=" + Files.createTempDirectory("soundwave-chromium"));
            ChromeDriver browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // WebDriver and TakesScreenshot, by the Chromium of the running class.

    @Override
    public void get(String url) {
        driver.get(url);
    }

    @Override
    public String getCurrentUrl() {
        return driver.getCurrentUrl();
    }

    @Override
    public String getTitle() {
        return driver.getTitle();
    }

    @Override
    public List<WebElement> findElements(By by) {
        return driver.findElements(by);
    }

    @Override
    public WebElement findElement(By by) {
        return driver.findElement(by);
    }

    @Override
    public String getPageSource() {
        return driver.getPageSource();
    }

    @Override
    public void close() {
        driver.close();
    }

    @Override
    public void quit() {
        driver.quit();
    }

    @Override
    public Set<String> getWindowHandles() {
        return driver.getWindowHandles();
    }

    @Override
    public String getWindowHandle() {
        return driver.getWindowHandle();
    }

    @Override
    public TargetLocator switchTo() {
        return driver.switchTo();
    }

    @Override
    public Navigation navigate() {
        return driver.navigate();
    }

    @Override
    public Options manage() {
        return driver.manage();
    }

    @Override
    public <X> X getScreenshotAs(OutputType<X> target) {
        return driver.getScreenshotAs(target);
    }
}
