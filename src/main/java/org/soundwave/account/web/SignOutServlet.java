package org.soundwave.account.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.soundwave.account.SignIns;
import org.soundwave.platform.web.FormToken;

/**
 * Signing out: {@code POST /sign-out} with the session's form token (the layout's plain form, so no page
 * holds Faces view state for it). Forgets the authentication and the whole session, on every node, then
 * goes home. A post without the token (from another site) is refused with 403 and signs nobody out.
 */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    @Inject
    SignIns signIns;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!FormToken.accepted(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This sign-out was not sent from this site's page.");
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInUser.SESSION_KEY) instanceof SignedInUser user) {
            signIns.end(user.signInId());   // first: a node holding a copy of the session no longer honours it
        }
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/");
    }
}
