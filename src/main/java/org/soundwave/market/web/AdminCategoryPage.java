package org.soundwave.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;
import org.soundwave.market.catalog.CatalogConflictException;
import org.soundwave.market.catalog.CategoryForm;
import org.soundwave.market.catalog.CategoryView;
import org.soundwave.market.catalog.InvalidCatalogInputException;
import org.soundwave.market.catalog.NoSuchProductException;
import org.soundwave.platform.web.Pages;

/** /admin/categories (list), /admin/categories/new and /admin/categories/{id}/edit (administrators). */
@Named
@RequestScoped
public class AdminCategoryPage extends CatalogEditPage<CategoryView> {

    private final CategoryForm form = new CategoryForm();

    @Override
    protected Optional<CategoryView> find(int id) {
        return market.categories().stream().filter(c -> c.id() == id).findFirst();
    }

    @Override
    protected void fill(CategoryView category) {
        form.setName(category.name());
        form.setSlug(category.slug());
        form.setDescription(category.description());
        form.setImageId(category.imageUrl() == null ? null : Long.parseLong(category.imageUrl().substring("/images/".length())));
    }

    @Override
    protected String noSuchItem() {
        return "There is no such category.";
    }

    public void save() {
        if (!proceed() || !storeUpload("category:image", form::setImageId)) {
            return;
        }
        try {
            if (existing() == null) {
                catalog.createCategory(form);
            } else {
                catalog.changeCategory(existing().id(), form);
            }
            Pages.redirect("/admin/categories");
        } catch (CatalogConflictException | InvalidCatalogInputException e) {
            error(null, e.getMessage());
        } catch (NoSuchProductException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public void delete() {
        if (!proceed() || existing() == null) {
            return;
        }
        try {
            catalog.deleteCategory(existing().id());
            Pages.redirect("/admin/categories");
        } catch (CatalogConflictException e) {
            error(null, e.getMessage());
        }
    }

    public CategoryForm getForm() {
        return form;
    }
}
