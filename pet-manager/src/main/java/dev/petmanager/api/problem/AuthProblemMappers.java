package dev.petmanager.api.problem;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Problems with who is asking (RFC 6750): no bearer token, or one that does not verify, is a 401 whose
 * {@code WWW-Authenticate} challenge says {@code Bearer} (with {@code error="invalid_token"} when a token was sent); a
 * verified caller without the role an operation needs is a 403. Authentication runs when a secured endpoint is
 * reached ({@code quarkus.http.auth.proactive=false}), so these failures reach the REST layer's mappers. The detail
 * never says which check a token failed.
 */
public class AuthProblemMappers {

    static final String CHALLENGE = "Bearer";

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponse.of(403, "Forbidden", "this operation needs a role the caller's token does not hold",
                uri);
    }

    private static Response unauthenticated(UriInfo uri, HttpHeaders headers) {
        boolean tokenSent = sentBearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        Response response = ProblemResponse.of(401, "Unauthorized", tokenSent
                ? "the bearer token is not valid: its signature, issuer, audience, lifetime or subject did not verify"
                : "this operation needs a bearer token in the Authorization header", uri);
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE,
                tokenSent ? CHALLENGE + " error=\"invalid_token\"" : CHALLENGE);
        return response;
    }

    private static boolean sentBearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
    }
}
