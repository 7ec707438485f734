package org.soundwave.market.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.Part;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import org.soundwave.market.catalog.CatalogService;
import org.soundwave.market.catalog.CategoryView;
import org.soundwave.market.catalog.ImageStore;
import org.soundwave.market.catalog.MarketCaches;
import org.soundwave.platform.web.Pages;

/**
 * What the administrators' edit pages of the catalog share (a category's, a product's): the item the
 * {@code id} parameter names, loaded once per request (404 when there is none) and copied into the form
 * on its first view; the optional image upload, stored before the form is saved; and the guard each action
 * starts with.
 *
 * @param <V> the item's view
 */
public abstract class CatalogEditPage<V> {

    @Inject
    MarketCaches market;

    @Inject
    CatalogService catalog;

    @Inject
    ImageStore images;

    private boolean loaded;
    private V existing;
    private Part upload;

    /** The item with this id, if there is one. */
    protected abstract Optional<V> find(int id);

    /** Copies the item into the form, on its first view (not on a postback, which carries the edits). */
    protected abstract void fill(V item);

    /** What the 404 page says: "There is no such category." */
    protected abstract String noSuchItem();

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        OptionalInt id = Pages.positive(Pages.parameter("id"));
        if (id.isPresent()) {
            existing = find(id.getAsInt()).orElse(null);
            if (existing == null) {
                Pages.notFound(noSuchItem());
                return;
            }
            if (!FacesContext.getCurrentInstance().isPostback()) {
                fill(existing);
            }
        }
    }

    /** The item being edited; null on a "new" page. */
    protected V existing() {
        load();
        return existing;
    }

    /** Loads the item; false when the response is complete already (its 404 was sent). */
    protected boolean proceed() {
        load();
        return !FacesContext.getCurrentInstance().getResponseComplete();
    }

    /**
     * Stores the uploaded image, if one was sent, and hands its id on; false when the upload was refused
     * (too large, not an image: a message on {@code clientId} says why).
     */
    protected boolean storeUpload(String clientId, LongConsumer imageId) {
        Optional<Long> image = Forms.storeImage(upload, images, clientId);
        if (upload != null && upload.getSize() > 0 && image.isEmpty()) {
            return false;
        }
        image.ifPresent(imageId::accept);
        return true;
    }

    /** An error message on the page, for the field with this client id (null: for the whole form). */
    protected static void error(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public boolean isEditing() {
        return Pages.parameter("id") != null;
    }

    public List<CategoryView> getCategories() {
        return market.categories();
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }
}
