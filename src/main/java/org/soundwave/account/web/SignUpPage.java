package org.soundwave.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import org.soundwave.account.AccountConflictException;
import org.soundwave.account.TooManyAttemptsException;
import org.soundwave.platform.web.ClientAddress;
import org.soundwave.account.AccountService;
import org.soundwave.account.Registration;

/** The sign-up form: opens a member account with the same rules as the API, then signs the newcomer in. */
@Named
@RequestScoped
public class SignUpPage {

    @Inject
    AccountService accounts;

    @Inject
    SecurityContext security;

    private final FacesContext faces = FacesContext.getCurrentInstance();

    private final Registration registration = new Registration();

    public void signUp() throws IOException {
        try {
            accounts.register(registration, ClientAddress.of((HttpServletRequest) faces.getExternalContext().getRequest()));
        } catch (AccountConflictException taken) {
            faces.addMessage("signup:" + taken.field(), new FacesMessage(FacesMessage.SEVERITY_ERROR, taken.getMessage(), null));
            return;
        } catch (TooManyAttemptsException busy) {
            faces.getExternalContext().setResponseStatus(busy.status());
            faces.getExternalContext().addResponseHeader("Retry-After", busy.headers().get("Retry-After"));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, busy.getMessage(), null));
            return;
        }
        if (SignInPage.authenticate(faces, security, registration.getUsername(), registration.getPassword())) {
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/profile");
        }
    }

    public Registration getRegistration() {
        return registration;
    }
}
