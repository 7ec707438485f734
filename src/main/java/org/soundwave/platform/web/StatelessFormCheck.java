package org.soundwave.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;

/**
 * Refuses a post to a stateless (transient) view that does not carry the session's {@link FormToken}:
 * a stateful view's post is checked by Faces against its server-side view state, a stateless one's by
 * this. A post without it gets the same page again, with status 400 and a message asking to reload it;
 * nothing of the form is applied (rendering follows at once). Registered in faces-config.xml.
 */
public class StatelessFormCheck implements PhaseListener {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String REFUSED = "This form has expired or was not sent from this site's page: reload the page and try again.";

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        UIViewRoot view = faces.getViewRoot();
        if (!faces.isPostback() || view == null || !view.isTransient()) {
            return;
        }
        if (!FormToken.accepted((HttpServletRequest) faces.getExternalContext().getRequest())) {
            // Straight to rendering: nothing the form sent is applied, validated or acted on.
            faces.getExternalContext().setResponseStatus(400);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, REFUSED, null));
            faces.renderResponse();
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
