package org.soundwave.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.StandardDataset.single;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.client.ApiClient;
import org.soundwave.client.ApiException;
import org.soundwave.client.ApiResponse;
import org.soundwave.client.api.AccountsApi;
import org.soundwave.client.api.BlogApi;
import org.soundwave.client.api.MarketApi;
import org.soundwave.client.api.OrdersApi;
import org.soundwave.client.model.Account;
import org.soundwave.client.model.Cart;
import org.soundwave.client.model.CartItemForm;
import org.soundwave.client.model.CartLine;
import org.soundwave.client.model.Category;
import org.soundwave.client.model.CheckoutItem;
import org.soundwave.client.model.CheckoutRequest;
import org.soundwave.client.model.Comment;
import org.soundwave.client.model.CommentForm;
import org.soundwave.client.model.CommentPage;
import org.soundwave.client.model.Credentials;
import org.soundwave.client.model.Order;
import org.soundwave.client.model.OrderStatus;
import org.soundwave.client.model.Post;
import org.soundwave.client.model.PostPage;
import org.soundwave.client.model.Problem;
import org.soundwave.client.model.Product;
import org.soundwave.client.model.ProductPage;
import org.soundwave.client.model.RefreshRequest;
import org.soundwave.client.model.Registration;
import org.soundwave.client.model.ReviewForm;
import org.soundwave.client.model.TokenPair;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * An integrator's whole journey through the Java client the build generates from the API contract
 * (META-INF/openapi.yaml), and nothing else: no hand-written HTTP. The client reads strictly: a field the
 * server sends that the contract does not declare fails the journey, as does a status or a body the
 * contract does not describe.
 */
class IntegratorJourneyIT {

    private static final String PASSWORD = "correct horse";

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = StandardDataset.cluster();
    }

    @Test
    void registerSignInReadCommentReviewBuyAndRevokeThroughTheGeneratedClient() throws Exception {
        String username = "integrator" + UUID.randomUUID().toString().substring(0, 8);

        // Accounts: register, sign in, refresh.
        Account account = new AccountsApi(client(null)).register(new Registration()
                .username(username).email(username + "@example.org").password(PASSWORD).city("Bristol"));
        assertEquals(username, account.getUsername());
        assertEquals(Account.RoleEnum.MEMBER, account.getRole());
        TokenPair signedIn = new AccountsApi(client(null)).createToken(new Credentials().username(username).password(PASSWORD));
        assertEquals("Bearer", signedIn.getTokenType());
        assertTrue(signedIn.getExpiresIn() > 0);
        TokenPair tokens = new AccountsApi(client(null)).refreshToken(new RefreshRequest().refreshToken(signedIn.getRefreshToken()));
        assertNotEquals(signedIn.getAccessToken(), tokens.getAccessToken());
        ApiClient member = client(tokens.getAccessToken());
        assertEquals(account.getId(), new AccountsApi(member).getMe().getId());

        // Blog: every post, newest first, by following the cursors.
        BlogApi blog = new BlogApi(member);
        List<Post> posts = new ArrayList<>();
        String cursor = null;
        do {
            PostPage page = blog.listPosts(null, null, cursor, 100);
            posts.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertEquals(single(cluster, "SELECT count(*) FROM post"), posts.size(), "every post once");
        assertEquals(posts.size(), posts.stream().map(Post::getId).distinct().count());
        assertTrue(posts.stream().map(Post::getCreated).toList().equals(
                posts.stream().map(Post::getCreated).sorted(Comparator.reverseOrder()).toList()), "newest first");

        // A post with its comments, all of them through the comments' cursors; then one more.
        Post post = blog.getPost(posts.get(posts.size() / 2).getId());
        assertFalse(post.getRecentComments().isEmpty(), "the standard dataset's posts have comments");
        List<Comment> comments = new ArrayList<>();
        cursor = null;
        do {
            CommentPage page = blog.listComments(post.getId(), cursor, 2);
            comments.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertEquals(post.getCommentCount(), comments.size());
        Comment mine = blog.createComment(post.getId(), new CommentForm().content("Heard it live, it was better."));
        assertEquals(username, mine.getAuthor());
        Post after = blog.getPost(post.getId());
        assertEquals(post.getCommentCount() + 1, after.getCommentCount());
        assertEquals(mine.getId(), after.getRecentComments().get(0).getId(), "the newest comment first");

        // Market: one category's products by price, highest first; a review, and a second one refused.
        MarketApi market = new MarketApi(member);
        Category category = market.listCategories().stream().filter(c -> c.getProductCount() > 0).findFirst().orElseThrow();
        ProductPage products = market.listProducts(category.getSlug(), null, "-price", null, 100);
        assertFalse(products.getItems().isEmpty());
        assertTrue(products.getItems().stream().allMatch(p -> category.getSlug().equals(p.getCategory())));
        List<BigDecimal> prices = products.getItems().stream().map(p -> new BigDecimal(p.getPrice())).toList();
        assertEquals(prices.stream().sorted(Comparator.reverseOrder()).toList(), prices, "sorted by price, highest first");
        Product product = products.getItems().stream()
                .filter(p -> p.getStock() >= 5 && !p.getPrice().endsWith(".13"))   // .13: the simulated payment declines it
                .findFirst().orElseThrow();
        Product reviewed = market.createReview(product.getId(), new ReviewForm().rating(5).content("Stays in tune."));
        assertEquals(product.getReviewCount() + 1, reviewed.getReviewCount());
        ApiException again = assertThrows(ApiException.class, () -> market.createReview(product.getId(), new ReviewForm().rating(1)));
        assertEquals(409, again.getCode());
        assertEquals(409, problem(again).getStatus());

        // The cart, and a checkout that a replay with the same key answers with the same order.
        OrdersApi orders = new OrdersApi(member);
        Cart cart = orders.putCartItem(product.getId(), new CartItemForm().quantity(1));
        assertEquals(1, cart.getItemCount());
        assertEquals(product.getPrice(), cart.getSubtotal());
        CheckoutRequest checkout = new CheckoutRequest();
        for (CartLine line : orders.getCart().getItems()) {
            checkout.addItemsItem(new CheckoutItem().productId(line.getProductId()).quantity(line.getQuantity()));
        }
        String key = UUID.randomUUID().toString();
        ApiResponse<Order> placed = orders.createOrderWithHttpInfo(key, checkout);
        assertEquals(202, placed.getStatusCode());
        assertEquals(List.of("false"), placed.getHeaders().get("idempotent-replayed"));
        ApiResponse<Order> replayed = orders.createOrderWithHttpInfo(key, checkout);
        assertEquals(202, replayed.getStatusCode());
        assertEquals(List.of("true"), replayed.getHeaders().get("idempotent-replayed"));
        Order order = placed.getData();
        assertEquals(order.getId(), replayed.getData().getId(), "the same order, not a second one");
        assertEquals(product.getPrice(), order.getTotal());
        TestCluster.awaitTrue("the order to complete", Duration.ofSeconds(30),
                () -> status(orders, order.getId()) == OrderStatus.COMPLETED);
        List<Long> completed = orders.listOrders(OrderStatus.COMPLETED, null, 100).getItems().stream().map(Order::getId).toList();
        assertEquals(List.of(order.getId()), completed, "the member's one order, completed");
        assertEquals(1, single(cluster, "SELECT count(*) FROM customer_order WHERE idempotency_key = ?", key));

        // Revoked: neither the access token nor the refresh token works any more.
        new AccountsApi(member).revokeTokens();
        ApiException revoked = assertThrows(ApiException.class, () -> new AccountsApi(member).getMe());
        assertEquals(401, revoked.getCode());
        ApiException refresh = assertThrows(ApiException.class, () -> new AccountsApi(client(null))
                .refreshToken(new RefreshRequest().refreshToken(tokens.getRefreshToken())));
        assertEquals(401, refresh.getCode());
        assertNotNull(problem(refresh).getType());
    }

    /** A client of the cluster's balancer that reads strictly, with the access token if there is one. */
    private static ApiClient client(String accessToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(cluster.url(""));
        ObjectMapper strict = client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        client.setObjectMapper(strict);
        if (accessToken != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        }
        return client;
    }

    private static OrderStatus status(OrdersApi orders, long id) {
        try {
            return orders.getOrder(id).getStatus();
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    /** The problem+json body of an error, read with the contract's Problem type. */
    private static Problem problem(ApiException e) throws Exception {
        return client(null).getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }
}
