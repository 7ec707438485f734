package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.Color;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person's view: headless Chromium (Debian's) loads the site through httpd and sees the layout. */
class HomePageBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser(TestCluster::get);

    @Test
    void theHomePageShowsHeaderNavigationContentAndFooter() throws IOException {
        browser.open("/");

        assertEquals("Home · Soundwave", browser.getTitle());
        assertTrue(browser.findElement(By.id("site-header")).isDisplayed());
        assertEquals("Soundwave", browser.findElement(By.cssSelector("#site-header .brand")).getText());
        assertEquals("Sign in · Sign up", browser.findElement(By.id("account-state")).getText());
        List<String> nav = browser.findElements(By.cssSelector("#site-nav a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Home", "Blog", "Shop", "Cart", "Your visit"), nav);
        assertEquals("Latest posts", browser.findElement(By.cssSelector("#content h1")).getText());
        String renderedBy = browser.findElement(By.id("rendered-by")).getText();
        assertTrue(renderedBy.matches("node[12]"), "footer names the active node that rendered it: " + renderedBy);
        assertEquals(Color.fromString("#1d1d29"),
                Color.fromString(browser.findElement(By.id("site-header")).getCssValue("background-color")),
                "the stylesheet was loaded through the balancer");

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target/home-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void followingTheNavigationToYourVisitCountsPageViewsInTheSession() {
        browser.manage().deleteAllCookies();
        browser.open("/");
        browser.findElement(By.linkText("Your visit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.titleIs("Your visit · Soundwave"));
        assertEquals("1", browser.findElement(By.id("visit-count")).getText());
        String node = browser.findElement(By.id("visit-node")).getText();

        browser.navigate().refresh();
        assertEquals("2", browser.findElement(By.id("visit-count")).getText());
        assertEquals(node, browser.findElement(By.id("visit-node")).getText(), "the session sticks to its node");
        assertEquals("3", browser.findElement(By.id("grid-size")).getText());
    }
}
