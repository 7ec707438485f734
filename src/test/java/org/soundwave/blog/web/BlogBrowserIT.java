package org.soundwave.blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.soundwave.platform.Browser;
import org.soundwave.platform.StandardDataset;

/** A reader in Chromium: reads the list, opens a post, signs in, comments, sees the comment and the count. */
class BlogBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser(StandardDataset::cluster);

    @Test
    void readTheListOpenAPostSignInCommentAndSeeTheCountGoUp() {
        browser.manage().deleteAllCookies();
        browser.open("/");
        assertEquals(10, browser.findElements(By.cssSelector("#posts article")).size(), "ten posts on the first page");
        String secondPage = browser.findElement(By.id("page-position")).getText().replace("Page 1 ", "Page 2 ");
        browser.findElement(By.id("older")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("page-position"), secondPage));

        String title = browser.findElement(By.cssSelector("#posts article .post-title")).getText();
        browser.findElement(By.cssSelector("#posts article .post-title")).click();
        browser.waiting().until(ExpectedConditions.titleIs(title + " · Soundwave"));
        assertTrue(browser.getCurrentUrl().matches(".*/posts/\\d+"), "a clean URL: " + browser.getCurrentUrl());
        String postUrl = browser.getCurrentUrl();
        int count = Integer.parseInt(browser.findElement(By.id("comment-count")).getText());

        browser.findElement(By.id("sign-in-to-comment")).click();
        browser.waiting().until(ExpectedConditions.titleIs("Sign in · Soundwave"));
        browser.signIn("user0007", "password");
        browser.waiting().until(ExpectedConditions.titleIs(title + " · Soundwave"));
        assertEquals(postUrl, browser.getCurrentUrl(), "back on the post after signing in");

        browser.findElement(By.id("comment-form:submit")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("comments"), "is required"));

        String text = "Lovely tone on this one <b>" + UUID.randomUUID() + "</b>";
        browser.type("comment-form:content", text);
        browser.findElement(By.id("comment-form:submit")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("comment-count"), String.valueOf(count + 1)));
        assertTrue(browser.getCurrentUrl().startsWith(postUrl), "stays on the clean URL: " + browser.getCurrentUrl());
        assertEquals("user0007", browser.findElement(By.cssSelector("#comment-list .comment-author")).getText());
        assertEquals(text, browser.findElement(By.cssSelector("#comment-list .comment-content")).getText(), "shown as typed, not as markup");
        assertTrue(browser.findElement(By.id("recent-comments")).getText().contains(text), "in the recent comments too");
    }

    @Test
    void aMemberWritesAPostWithTagsAndEditsIt() {
        browser.manage().deleteAllCookies();
        browser.open("/posts/new");
        browser.waiting().until(ExpectedConditions.titleIs("Sign in · Soundwave"));
        browser.signIn("user0011", "password");
        browser.waiting().until(ExpectedConditions.titleIs("Write a post · Soundwave"));

        String title = "Tape echo tips " + UUID.randomUUID().toString().substring(0, 6);
        browser.type("post:title", title);
        browser.type("post:content", "Keep the heads clean.\n\nAnd demagnetise them.");
        browser.type("post:tags", "Tape, echo, no good!");
        browser.findElement(By.id("post:save")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("content"), "is not a tag"));

        browser.type("post:tags", "tape, echo");
        browser.findElement(By.id("post:save")).click();
        browser.waiting().until(ExpectedConditions.titleIs(title + " · Soundwave"));
        assertEquals(2, browser.findElements(By.cssSelector("#post-content p")).size(), "two paragraphs");
        assertEquals("echo tape", browser.findElement(By.cssSelector("#post .tags")).getText().replace('\n', ' '));

        browser.findElement(By.id("edit-post")).click();
        browser.waiting().until(ExpectedConditions.titleIs("Edit post · Soundwave"));
        browser.type("post:title", title + " (updated)");
        browser.findElement(By.id("post:save")).click();
        browser.waiting().until(ExpectedConditions.titleIs(title + " (updated) · Soundwave"));

        String editUrl = browser.findElement(By.id("edit-post")).getAttribute("href");
        browser.findElement(By.linkText("tape")).click();
        browser.waiting().until(ExpectedConditions.titleIs("Posts tagged tape · Soundwave"));
        assertTrue(browser.findElement(By.id("posts")).getText().contains(title + " (updated)"));

        browser.manage().deleteAllCookies();
        browser.open("/sign-in");
        browser.signIn("user0012", "password");
        browser.waiting().until(ExpectedConditions.titleIs("Your profile · Soundwave"));
        browser.get(editUrl);
        browser.waiting().until(ExpectedConditions.titleIs("Not allowed · Soundwave"));
    }
}
