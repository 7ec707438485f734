package org.soundwave.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium from Debian (chromium + chromium-driver), with a fresh profile, for browser tests. */
public final class Browsers {

    private Browsers() {
    }

    public static ChromeDriver chromium() {
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
}
