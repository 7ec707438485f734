package org.soundwave.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.soundwave.market.catalog.CatalogService;
import org.soundwave.market.catalog.CategoryView;
import org.soundwave.market.catalog.ImageStore;
import org.soundwave.market.catalog.InvalidCatalogInputException;
import org.soundwave.market.catalog.MarketCaches;
import org.soundwave.market.catalog.NoSuchProductException;
import org.soundwave.market.catalog.ProductForm;
import org.soundwave.market.catalog.ProductView;
import org.soundwave.platform.web.Pages;

/**
 * /admin/products/new and /admin/products/{id}/edit (administrators, see web.xml): a product's fields, an
 * image upload (PNG, JPEG, GIF or WebP by its bytes, at most 2 MB) and deactivation.
 */
@Named
@RequestScoped
public class AdminProductPage {

    @Inject
    MarketCaches market;

    @Inject
    CatalogService catalog;

    @Inject
    ImageStore images;

    private boolean loaded;
    private ProductView existing;
    private ProductForm form = new ProductForm();
    private Part upload;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        OptionalInt id = Pages.positive(Pages.parameter("id"));
        if (id.isPresent()) {
            existing = id.getAsInt() > 0 ? market.product(id.getAsInt()).orElse(null) : null;
            if (existing == null) {
                Pages.notFound("There is no such product.");
                return;
            }
            if (!FacesContext.getCurrentInstance().isPostback()) {
                form = Forms.of(existing);
            }
        }
    }

    public void save() {
        load();
        if (FacesContext.getCurrentInstance().getResponseComplete()) {
            return;
        }
        try {
            Optional<Long> image = Forms.storeImage(upload, images, "product:image");
            if (upload != null && upload.getSize() > 0 && image.isEmpty()) {
                return;
            }
            image.ifPresent(form::setImageId);
            long id;
            if (existing == null) {
                id = catalog.createProduct(form);
            } else {
                catalog.changeProduct(existing.id(), form);
                id = existing.id();
            }
            Pages.redirect("/admin/products?saved=" + id);
        } catch (InvalidCatalogInputException e) {
            FacesContext.getCurrentInstance().addMessage("product:" + e.field(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        } catch (NoSuchProductException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public void deactivate() {
        load();
        if (existing == null || FacesContext.getCurrentInstance().getResponseComplete()) {
            return;
        }
        catalog.deactivateProduct(existing.id());
        Pages.redirect("/admin/products?saved=" + existing.id());
    }

    public boolean isEditing() {
        return Pages.parameter("id") != null;
    }

    /** Loads on first use: on a postback, Faces evaluates the buttons' rendered conditions before preRenderView. */
    public ProductView getExisting() {
        load();
        return existing;
    }

    public ProductForm getForm() {
        return form;
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
