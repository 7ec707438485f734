package org.soundwave.account.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serial;
import java.io.Serializable;
import org.soundwave.account.AccountService;
import org.soundwave.account.AccountView;
import org.soundwave.account.ProfileUpdate;

/** The signed-in member's profile: shows the account, saves edits of bio and contact data. */
@Named
@ViewScoped
public class ProfilePage implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    transient AccountService accounts;

    @Inject
    transient SecurityContext security;

    private AccountView account;
    private ProfileUpdate update;

    @PostConstruct
    void load() {
        account = accounts.account(security.getCallerPrincipal().getName())
                .orElseThrow(() -> new IllegalStateException("signed in without an account"));
        update = ProfileUpdate.of(account);
    }

    public void save() {
        account = accounts.updateProfile(account.username(), update);
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, "Your profile is saved.", null));
    }

    public AccountView getAccount() {
        return account;
    }

    public ProfileUpdate getUpdate() {
        return update;
    }
}
