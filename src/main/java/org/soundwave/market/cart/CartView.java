package org.soundwave.market.cart;

import java.math.BigDecimal;
import java.util.List;
import org.soundwave.market.catalog.ProductView;

/** A cart: its lines at today's prices, how many items, and the subtotal (two decimals). */
public record CartView(List<Line> items, int itemCount, String subtotal) {

    /** One product in the cart. {@code available} is false once the product is deactivated or sold out. */
    public record Line(long productId, String name, String unitPrice, int quantity, String lineTotal, int stock,
                       boolean available) {
    }

    static CartView of(List<Line> lines) {
        BigDecimal subtotal = lines.stream().map(l -> new BigDecimal(l.lineTotal())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CartView(lines, lines.stream().mapToInt(Line::quantity).sum(), ProductView.money(subtotal));
    }
}
