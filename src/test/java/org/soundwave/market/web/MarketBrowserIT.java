package org.soundwave.market.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.soundwave.platform.Browser;
import org.soundwave.platform.Http;
import org.soundwave.platform.StandardDataset;

/**
 * A shopper in Chromium: browses a category, searches, puts two products in the cart, changes a
 * quantity, signs in (the cart comes along) and reviews a product.
 */
class MarketBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser(StandardDataset::cluster);

    private static void addToCart(int quantity) {
        browser.type("cart-form:quantity", String.valueOf(quantity));
        browser.findElement(By.id("cart-form:add")).click();
        browser.waiting().until(ExpectedConditions.titleIs("Your cart · Soundwave"));
    }

    @Test
    void browseSearchFillTheCartChangeAQuantitySignInAndReview() throws Exception {
        shop();
    }

    private void shop() {
        browser.manage().deleteAllCookies();
        browser.open("/");
        browser.findElement(By.linkText("Shop")).click();
        browser.waiting().until(ExpectedConditions.titleIs("Shop · Soundwave"));
        WebElement firstCategory = browser.findElement(By.cssSelector("#categories li a"));
        String category = firstCategory.getText();
        firstCategory.click();
        browser.waiting().until(ExpectedConditions.titleIs(category + " · Soundwave"));
        List<String> byName = browser.findElements(By.cssSelector("#products .product-name")).stream().map(WebElement::getText).toList();
        assertTrue(byName.size() > 1, "the category lists products");
        browser.findElement(By.id("sort-price")).click();
        browser.waiting().until(ExpectedConditions.urlContains("sort=price"));
        List<BigDecimal> prices = browser.findElements(By.cssSelector("#products .price")).stream()
                .map(e -> new BigDecimal(e.getText().substring(1))).toList();
        assertEquals(prices.stream().sorted().toList(), prices, "lowest price first");

        // search in the category for the first product's first word
        String first = byName.get(0);
        browser.type("q", first.split(" ")[0]);
        browser.findElement(By.id("search-submit")).click();
        browser.waiting().until(ExpectedConditions.titleContains("“"));
        browser.findElements(By.cssSelector("#products .product-name")).forEach(e ->
                assertTrue(e.getText().toLowerCase().contains(first.split(" ")[0].toLowerCase()), e.getText()));

        browser.findElement(By.cssSelector("#products .product-name")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("product-name")));
        String firstProduct = browser.findElement(By.id("product-name")).getText();
        BigDecimal firstPrice = new BigDecimal(browser.findElement(By.id("product-price")).getText());
        addToCart(1);

        browser.open("/shop?q=a");
        List<WebElement> found = browser.findElements(By.cssSelector("#products .product-name"));
        WebElement second = found.stream().filter(e -> !e.getText().equals(firstProduct)).findFirst().orElseThrow();
        second.click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("product-name")));
        BigDecimal secondPrice = new BigDecimal(browser.findElement(By.id("product-price")).getText());
        addToCart(2);
        assertEquals(2, browser.findElements(By.cssSelector("#cart-lines .cart-line")).size());
        assertEquals(firstPrice.add(secondPrice.multiply(BigDecimal.valueOf(2))).toPlainString(),
                browser.findElement(By.id("subtotal")).getText());

        // change the first line's quantity to 3
        WebElement firstLine = browser.findElements(By.cssSelector("#cart-lines .cart-line")).get(0);
        WebElement quantity = firstLine.findElement(By.cssSelector("input[type=text]"));
        quantity.clear();
        quantity.sendKeys("3");
        firstLine.findElement(By.cssSelector("input[value=Update]")).click();
        BigDecimal expected = firstPrice.multiply(BigDecimal.valueOf(3)).add(secondPrice.multiply(BigDecimal.valueOf(2)));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("subtotal"), expected.toPlainString()));

        // sign in: the cart comes along
        String name = "shopper" + UUID.randomUUID().toString().substring(0, 6);
        Http.newMember(browser.cluster(), name);
        browser.open("/sign-in?next=/cart");
        browser.signIn(name, "correct horse");
        browser.waiting().until(ExpectedConditions.titleIs("Your cart · Soundwave"));
        assertEquals(expected.toPlainString(), browser.findElement(By.id("subtotal")).getText(), "the visitor's cart is the member's now");

        // review the second product
        browser.findElements(By.cssSelector("#cart-lines a")).get(1).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-form:rating")));
        new Select(browser.findElement(By.id("review-form:rating"))).selectByValue("4");
        String text = "Punchy and clean <i>" + UUID.randomUUID() + "</i>";
        browser.type("review-form:text", text);
        browser.findElement(By.id("review-form:submit-review")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-list"), text));
        assertEquals(name, browser.findElement(By.cssSelector("#review-list .review-author")).getText());
    }

    @Test
    void anAdministratorAddsAProductWithAnImageAndTakesItOutOfSale() throws Exception {
        administer();
    }

    private void administer() throws Exception {
        browser.manage().deleteAllCookies();
        java.nio.file.Path png = java.nio.file.Path.of("target/test-product.png").toAbsolutePath();
        java.nio.file.Files.write(png, org.soundwave.market.MarketApiIT.PNG);
        java.nio.file.Path text = java.nio.file.Path.of("target/not-an-image.png").toAbsolutePath();
        java.nio.file.Files.writeString(text, "this is text, whatever its name says");

        browser.open("/sign-in?next=/admin/products/new");
        browser.signIn("admin", java.nio.file.Files.readString(browser.cluster().secret("admin-password")).trim());
        browser.waiting().until(ExpectedConditions.titleIs("New product · Soundwave"));

        String name = "Admin-made " + UUID.randomUUID().toString().substring(0, 8);
        browser.type("product:name", name);
        browser.type("product:price", "-5");
        browser.type("product:stock", "4");
        browser.findElement(By.id("product:image")).sendKeys(text.toString());
        browser.findElement(By.id("product:save")).click();
        // Waits for the refused price's message itself: the element is looked up again until it holds it, so a
        // page still being replaced by the response never hands back a stale element.
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("product:price-error"), "at least 0"));

        browser.type("product:price", "249.90");
        browser.findElement(By.id("product:image")).sendKeys(text.toString());
        browser.findElement(By.id("product:save")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("product:image-error"), "not a PNG"));

        browser.findElement(By.id("product:image")).sendKeys(png.toString());
        browser.findElement(By.id("product:save")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        WebElement link = browser.findElement(By.linkText(name));
        link.click();
        browser.waiting().until(ExpectedConditions.titleIs(name + " · Soundwave"));
        assertEquals("249.90", browser.findElement(By.id("product-price")).getText());
        String image = browser.findElement(By.id("product-image")).getAttribute("src");
        assertTrue(image.matches(".*/images/\\d+"), image);
        String productUrl = browser.getCurrentUrl();

        browser.get(productUrl.replace("/products/", "/admin/products/") + "/edit");
        browser.waiting().until(ExpectedConditions.titleIs("Edit product · Soundwave"));
        browser.findElement(By.id("product:deactivate")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        browser.get(productUrl);
        browser.waiting().until(ExpectedConditions.titleIs("Page not found · Soundwave"));
    }

    @Test
    void aMemberChecksOutAndWatchesTheOrderBecomePaid() throws Exception {
        browser.manage().deleteAllCookies();
        String name = "buyer" + UUID.randomUUID().toString().substring(0, 6);
        Http.newMember(browser.cluster(), name);
        browser.open("/sign-in?next=/shop/synthesizers");
        browser.signIn(name, "correct horse");
        browser.waiting().until(ExpectedConditions.titleIs("Synthesizers · Soundwave"));
        browser.findElements(By.cssSelector("#products .product-summary")).stream()
                .filter(p -> !p.findElement(By.cssSelector(".stock")).getText().equals("out of stock"))
                .findFirst().orElseThrow().findElement(By.cssSelector(".product-name")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("product-name")));
        BigDecimal price = new BigDecimal(browser.findElement(By.id("product-price")).getText());
        addToCart(1);
        browser.findElement(By.id("checkout-form:checkout")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("order-status")));
        assertTrue(browser.getCurrentUrl().matches(".*/orders/\\d+"), browser.getCurrentUrl());
        assertEquals(price.toPlainString(), browser.findElement(By.id("order-total")).getText());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("order-status"), "PAID"));
        browser.open("/cart");
        assertTrue(browser.findElements(By.id("empty-cart")).size() == 1, "the cart was emptied by the order");
    }
}
