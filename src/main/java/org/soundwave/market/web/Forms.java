package org.soundwave.market.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.soundwave.market.catalog.ImageStore;
import org.soundwave.market.catalog.ProductForm;
import org.soundwave.market.catalog.ProductView;

/** What the admin pages share: a form from a product, an uploaded image checked and stored. */
final class Forms {

    private Forms() {
    }

    static ProductForm of(ProductView product) {
        ProductForm form = new ProductForm();
        form.setCategory(product.category());
        form.setName(product.name());
        form.setDescription(product.description());
        form.setPrice(product.price());
        form.setStock(product.stock());
        form.setActive(product.active());
        form.setImageId(product.imageUrl() == null ? null : Long.parseLong(product.imageUrl().substring("/images/".length())));
        return form;
    }

    /**
     * Stores the uploaded image if there is one and it is a PNG, JPEG, GIF or WebP of at most 2 MB (by its
     * bytes); otherwise puts a message on the field and returns empty.
     */
    static Optional<Long> storeImage(Part upload, ImageStore images, String clientId) {
        if (upload == null || upload.getSize() == 0) {
            return Optional.empty();
        }
        if (upload.getSize() > ImageStore.MAX_BYTES) {
            return refuse(clientId, "The image is larger than 2 MB.");
        }
        byte[] bytes;
        try (InputStream in = upload.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<String> type = ImageStore.contentType(bytes);
        if (type.isEmpty()) {
            return refuse(clientId, "That file is not a PNG, JPEG, GIF or WebP image.");
        }
        return Optional.of(images.store(type.get(), bytes));
    }

    private static Optional<Long> refuse(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        FacesContext.getCurrentInstance().validationFailed();
        return Optional.empty();
    }
}
