package org.soundwave.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.soundwave.platform.Browsers;
import org.soundwave.platform.TestCluster;

/** A person in Chromium: signs up, out and in, edits the bio, and sees markup shown as text. */
class AccountPagesBrowserIT {

    private static TestCluster cluster;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        cluster = TestCluster.get();
        browser = Browsers.chromium();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void type(String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private static void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("content"), text));
    }

    private static void waitForTitle(String title) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs(title + " · Soundwave"));
    }

    @Test
    void signUpSignOutSignInAndEditTheBioWhichIsShownEscaped() {
        String name = "web" + UUID.randomUUID().toString().substring(0, 8);
        browser.manage().deleteAllCookies();
        browser.get(cluster.url("/"));
        browser.findElement(By.id("sign-up-link")).click();
        waitForTitle("Sign up");

        type("signup:username", name);
        type("signup:email", name + "@example.com");
        type("signup:password", "short");
        browser.findElement(By.id("signup:submit")).click();
        waitForText("must be 8-128 characters");
        assertEquals(name, browser.findElement(By.id("signup:username")).getAttribute("value"), "input kept");

        type("signup:password", "correct horse battery");
        browser.findElement(By.id("signup:submit")).click();
        waitForTitle("Your profile");
        assertEquals(name, browser.findElement(By.id("profile-link")).getText(), "signed in after signing up");

        browser.findElement(By.id("sign-out")).click();
        waitForTitle("Home");
        assertEquals("Sign in · Sign up", browser.findElement(By.id("account-state")).getText());

        browser.get(cluster.url("/profile"));
        waitForTitle("Sign in");
        type("signin:username", name);
        type("signin:password", "wrong password");
        browser.findElement(By.id("signin:submit")).click();
        waitForText("Wrong username or password.");
        assertEquals(name, browser.findElement(By.id("signin:username")).getAttribute("value"), "username kept");

        type("signin:password", "correct horse battery");
        browser.findElement(By.id("signin:submit")).click();
        waitForTitle("Your profile");

        String bio = "<script>document.title='owned'</script><b>Bassist</b> ♫";
        type("profile:bio", bio);
        browser.findElement(By.id("profile:save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("profile-bio"), bio));
        assertEquals("Your profile · Soundwave", browser.getTitle(), "the script did not run");
        assertTrue(browser.findElements(By.cssSelector("#profile-bio b")).isEmpty(), "markup is shown as text");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("Your profile is saved."));
        assertFalse(browser.getPageSource().contains("<script>document.title"), "escaped in the HTML");
    }
}
