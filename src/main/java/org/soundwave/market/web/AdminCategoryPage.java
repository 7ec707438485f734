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
import org.soundwave.market.catalog.CatalogConflictException;
import org.soundwave.market.catalog.CatalogService;
import org.soundwave.market.catalog.CategoryForm;
import org.soundwave.market.catalog.CategoryView;
import org.soundwave.market.catalog.ImageStore;
import org.soundwave.market.catalog.InvalidCatalogInputException;
import org.soundwave.market.catalog.MarketCaches;
import org.soundwave.market.catalog.NoSuchProductException;
import org.soundwave.platform.web.Pages;

/** /admin/categories (list), /admin/categories/new and /admin/categories/{id}/edit (administrators). */
@Named
@RequestScoped
public class AdminCategoryPage {

    @Inject
    MarketCaches market;

    @Inject
    CatalogService catalog;

    @Inject
    ImageStore images;

    private boolean loaded;
    private CategoryView existing;
    private final CategoryForm form = new CategoryForm();
    private Part upload;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        OptionalInt id = Pages.positive(Pages.parameter("id"));
        if (id.isPresent()) {
            existing = market.categories().stream().filter(c -> c.id() == id.getAsInt()).findFirst().orElse(null);
            if (existing == null) {
                Pages.notFound("There is no such category.");
                return;
            }
            if (!FacesContext.getCurrentInstance().isPostback()) {
                form.setName(existing.name());
                form.setSlug(existing.slug());
                form.setDescription(existing.description());
                form.setImageId(existing.imageUrl() == null ? null : Long.parseLong(existing.imageUrl().substring("/images/".length())));
            }
        }
    }

    public void save() {
        load();
        if (FacesContext.getCurrentInstance().getResponseComplete()) {
            return;
        }
        try {
            Optional<Long> image = Forms.storeImage(upload, images, "category:image");
            if (upload != null && upload.getSize() > 0 && image.isEmpty()) {
                return;
            }
            image.ifPresent(form::setImageId);
            if (existing == null) {
                catalog.createCategory(form);
            } else {
                catalog.changeCategory(existing.id(), form);
            }
            Pages.redirect("/admin/categories");
        } catch (CatalogConflictException | InvalidCatalogInputException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        } catch (NoSuchProductException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public void delete() {
        load();
        if (existing == null || FacesContext.getCurrentInstance().getResponseComplete()) {
            return;
        }
        try {
            catalog.deleteCategory(existing.id());
            Pages.redirect("/admin/categories");
        } catch (CatalogConflictException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public boolean isEditing() {
        return Pages.parameter("id") != null;
    }

    public CategoryForm getForm() {
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
