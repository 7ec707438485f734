package org.soundwave.blog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.soundwave.blog.BlogService;
import org.soundwave.blog.Caller;
import org.soundwave.blog.NoSuchPostException;
import org.soundwave.blog.NotAllowedException;
import org.soundwave.blog.PostForm;
import org.soundwave.blog.PostRepository;
import org.soundwave.blog.PostView;
import org.soundwave.platform.web.Pages;
import org.soundwave.blog.Tag;

/** /posts/new and /posts/{id}/edit: members write posts; their author (or an administrator) revises or deletes one. */
@Named
@RequestScoped
public class PostEditPage {

    @Inject
    PostRepository posts;

    @Inject
    BlogService blog;

    @Inject
    SecurityContext security;

    private boolean loaded;
    private Caller caller;
    private PostView existing;
    private PostForm form = new PostForm();
    private String tagsText = "";

    /** Once per request, before rendering or saving: members only; someone else's post → 403. */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        OptionalInt id = Pages.positive(Pages.parameter("id"));
        if (id.isPresent() && id.getAsInt() < 0) {
            Pages.notFound("There is no such post.");
            return;
        }
        String url = id.isPresent() ? "/posts/" + id.getAsInt() + "/edit" : "/posts/new";
        Optional<Caller> signedIn = blog.caller();
        if (signedIn.isEmpty()) {
            Pages.signInFirst(url);
            return;
        }
        caller = signedIn.get();
        if (id.isPresent()) {
            existing = posts.find(id.getAsInt()).orElse(null);
            if (existing == null) {
                Pages.notFound("There is no post " + id.getAsInt() + ".");
                return;
            }
            if (!blog.mayEdit(existing, security.getCallerPrincipal().getName(), caller.admin())) {
                Pages.sendError(403, "Only its author or an administrator may edit this post.");
                return;
            }
            if (!FacesContext.getCurrentInstance().isPostback()) {
                form = PostForm.of(existing);
                tagsText = String.join(", ", existing.tags());
            }
        }
    }

    public void save() {
        load();
        if (caller == null || FacesContext.getCurrentInstance().getResponseComplete()) {
            return;
        }
        List<String> tags = Arrays.stream(tagsText.split("[,\\s]+")).filter(t -> !t.isEmpty()).toList();
        String invalid = tags.stream().filter(t -> !t.matches(Tag.NAME)).findFirst().orElse(null);
        if (invalid != null || tags.size() > PostForm.MAX_TAGS) {
            FacesContext.getCurrentInstance().addMessage("post:tags", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    invalid != null ? "\"" + invalid + "\" is not a tag: use letters, digits and dashes (at most 40)."
                            : "At most " + PostForm.MAX_TAGS + " tags.", null));
            return;
        }
        form.setTags(tags);
        try {
            long id;
            if (existing == null) {
                id = blog.publish(caller, form);
            } else {
                blog.revise(existing.id(), caller, form);
                id = existing.id();
            }
            Pages.redirect("/posts/" + id);
        } catch (NoSuchPostException | NotAllowedException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public void delete() {
        load();
        if (existing == null || FacesContext.getCurrentInstance().getResponseComplete()) {
            return;
        }
        try {
            blog.delete(existing.id(), caller);
        } catch (NoSuchPostException alreadyGone) {
            // Deleted meanwhile: the outcome the author asked for.
        }
        Pages.redirect("/authors/" + existing.author());
    }

    /** From the URL, not from the loaded post: JSF asks before load() runs when it decodes a postback. */
    public boolean isEditing() {
        return Pages.parameter("id") != null;
    }

    public PostView getExisting() {
        return existing;
    }

    public PostForm getForm() {
        return form;
    }

    public String getTagsText() {
        return tagsText;
    }

    public void setTagsText(String tagsText) {
        this.tagsText = tagsText == null ? "" : tagsText;
    }
}
