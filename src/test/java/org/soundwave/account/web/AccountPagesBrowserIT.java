package org.soundwave.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.soundwave.platform.Browser;
import org.soundwave.platform.TestCluster;

/** A person in Chromium: signs up, out and in, edits the bio, and sees markup shown as text. */
class AccountPagesBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser(TestCluster::get);

    @Test
    void signUpSignOutSignInAndEditTheBioWhichIsShownEscaped() {
        String name = "web" + UUID.randomUUID().toString().substring(0, 8);
        browser.manage().deleteAllCookies();
        browser.open("/");
        browser.findElement(By.id("sign-up-link")).click();
        browser.waitForTitle("Sign up");

        browser.type("signup:username", name);
        browser.type("signup:email", name + "@example.com");
        browser.type("signup:password", "short");
        browser.findElement(By.id("signup:submit")).click();
        browser.waitForText("content", "must be 8-128 characters");
        assertEquals(name, browser.findElement(By.id("signup:username")).getAttribute("value"), "input kept");

        browser.type("signup:password", "correct horse battery");
        browser.findElement(By.id("signup:submit")).click();
        browser.waitForTitle("Your profile");
        assertEquals(name, browser.findElement(By.id("profile-link")).getText(), "signed in after signing up");

        browser.findElement(By.id("sign-out")).click();
        browser.waitForTitle("Home");
        assertEquals("Sign in · Sign up", browser.findElement(By.id("account-state")).getText());

        browser.open("/profile");
        browser.waitForTitle("Sign in");
        browser.signIn(name, "wrong password");
        browser.waitForText("content", "Wrong username or password.");
        assertEquals(name, browser.findElement(By.id("signin:username")).getAttribute("value"), "username kept");

        browser.type("signin:password", "correct horse battery");
        browser.findElement(By.id("signin:submit")).click();
        browser.waitForTitle("Your profile");

        String bio = "<script>document.title='owned'</script><b>Bassist</b> ♫";
        browser.type("profile:bio", bio);
        browser.findElement(By.id("profile:save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("profile-bio"), bio));
        assertEquals("Your profile · Soundwave", browser.getTitle(), "the script did not run");
        assertTrue(browser.findElements(By.cssSelector("#profile-bio b")).isEmpty(), "markup is shown as text");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("Your profile is saved."));
        assertFalse(browser.getPageSource().contains("<script>document.title"), "escaped in the HTML");
    }
}
