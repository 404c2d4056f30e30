package io.farmhub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.farmhub.security.EntraIdTokens;
import io.farmhub.security.User;
import io.farmhub.security.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <api-key>} or {@code Bearer <Entra ID JWT>} on every {@code /api} request: the
 * credential names the user, or the answer is 401. A credential shaped like a JWT is checked as one when
 * {@code farmhub.security.jwt.issuer-uri} is set; anything else is an API key, so gateways keep their keys
 * beside users' tokens. Only paths listed in {@code farmhub.security.open-paths} pass without one; everything
 * outside {@code /api} (the actuator's health) is open. Neither keys nor tokens are ever logged.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    static final String USER_ATTRIBUTE = User.class.getName();
    private static final String BEARER = "Bearer ";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final Users users;
    private final EntraIdTokens tokens;
    private final ObjectMapper mapper;
    private final List<String> openPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public ApiKeyFilter(Users users, EntraIdTokens tokens, ObjectMapper mapper, List<String> openPaths) {
        this.users = users;
        this.tokens = tokens;
        this.mapper = mapper;
        this.openPaths = openPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"))
                || openPaths.stream().anyMatch(open -> matcher.match(open, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String key = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim()
                : null;
        if (key != null && tokens.enabled() && EntraIdTokens.looksLikeJwt(key)) {
            EntraIdTokens.Check check = tokens.check(key);
            if (check instanceof EntraIdTokens.Check.Accepted accepted) {
                chain(request, response, chain, accepted.user());
            } else if (check instanceof EntraIdTokens.Check.Refused refused) {
                log.debug("refused a bearer token: {}", refused.reason());
                unauthorized(request, response, "invalid_token", refused.reason());
            } else if (check instanceof EntraIdTokens.Check.Unavailable unavailable) {
                log.warn("{}", unavailable.reason());
                Problems.write(request, response, mapper, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                        Problems.UNAVAILABLE, null, "Bearer tokens cannot be checked now; try again shortly."));
            }
            return;
        }
        Optional<User> user = users.authenticate(key);
        if (user.isEmpty()) {
            unauthorized(request, response, null, key == null
                    ? "Send your API key or token as 'Authorization: Bearer <credential>'."
                    : "The API key is not valid.");
            return;
        }
        chain(request, response, chain, user.get());
    }

    private void chain(HttpServletRequest request, HttpServletResponse response, FilterChain chain, User user)
            throws ServletException, IOException {
        request.setAttribute(USER_ATTRIBUTE, user);
        chain.doFilter(request, response);
    }

    /** RFC 6750: the challenge names the error when a token was sent and refused. */
    private void unauthorized(HttpServletRequest request, HttpServletResponse response, String error, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"farmhub\"" + (error == null ? "" : ", error=\"" + error + "\""));
        Problems.write(request, response, mapper, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                null, detail));
    }
}
