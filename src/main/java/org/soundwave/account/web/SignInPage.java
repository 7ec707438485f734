package org.soundwave.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The sign-in form: authenticates through Jakarta Security, then goes where the visitor was headed. */
@Named
@RequestScoped
public class SignInPage {

    /** Where Mojarra keeps a session's server-side view states. */
    static final String MOJARRA_VIEW_STATE = "com.sun.faces.renderkit.ServerSideStateHelper.LogicalViewMap";

    @Inject
    SecurityContext security;

    private final FacesContext faces = FacesContext.getCurrentInstance();

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        if (authenticate(faces, security, username, password)) {
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + safeNext(next));
        }
        password = null;
    }

    /** Signs in; on failure adds the reason as a page message. True when signed in. */
    static boolean authenticate(FacesContext faces, SecurityContext security, String username, String password) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            forgetViewState(request);
            return true;
        }
        Object reason = request.getAttribute(AccountIdentityStore.FAILURE);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                reason != null ? reason.toString() : "Wrong username or password.", null));
        return false;
    }

    /**
     * Drops the server-side view state the sign-in (or sign-up) form left in the session: it is of no use
     * once signed in, and the replicated session is serialized and written to the data grid after every
     * request of the member, so what it holds costs on every page view.
     */
    private static void forgetViewState(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(MOJARRA_VIEW_STATE);
        }
    }

    /** Only a path on this site (no "//host" or "scheme:"), else the profile. */
    static String safeNext(String next) {
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && !next.contains(":");
        return local ? next : "/profile";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
