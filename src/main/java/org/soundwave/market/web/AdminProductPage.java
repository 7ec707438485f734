package org.soundwave.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;
import org.soundwave.market.catalog.InvalidCatalogInputException;
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
public class AdminProductPage extends CatalogEditPage<ProductView> {

    private ProductForm form = new ProductForm();

    @Override
    protected Optional<ProductView> find(int id) {
        return market.product(id);
    }

    @Override
    protected void fill(ProductView product) {
        form = Forms.of(product);
    }

    @Override
    protected String noSuchItem() {
        return "There is no such product.";
    }

    public void save() {
        if (!proceed() || !storeUpload("product:image", form::setImageId)) {
            return;
        }
        try {
            long id;
            if (existing() == null) {
                id = catalog.createProduct(form);
            } else {
                catalog.changeProduct(existing().id(), form);
                id = existing().id();
            }
            Pages.redirect("/admin/products?saved=" + id);
        } catch (InvalidCatalogInputException e) {
            error("product:" + e.field(), e.getMessage());
        } catch (NoSuchProductException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public void deactivate() {
        if (!proceed() || existing() == null) {
            return;
        }
        catalog.deactivateProduct(existing().id());
        Pages.redirect("/admin/products?saved=" + existing().id());
    }

    /** Loads on first use: on a postback, Faces evaluates the buttons' rendered conditions before preRenderView. */
    public ProductView getExisting() {
        return existing();
    }

    public ProductForm getForm() {
        return form;
    }
}
