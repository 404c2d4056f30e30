package io.farmhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The token checker's edges that need no running hub: its configuration and an issuer that cannot be reached. */
class EntraIdTokensTest {

    private static EntraIdTokens tokens(String issuer, String audience) {
        SecurityProperties properties = new SecurityProperties(null, null, null, null, null,
                new SecurityProperties.Jwt(issuer, audience, null, Duration.ZERO));
        return new EntraIdTokens(properties, new StaticListableBeanFactory().getBeanProvider(Clock.class));
    }

    @Test
    void without_an_issuer_only_api_keys_are_accepted() {
        EntraIdTokens none = tokens("", "api://farmhub");
        assertThat(none.enabled()).isFalse();
        assertThat(none.check("a.b.c")).isInstanceOf(EntraIdTokens.Check.Refused.class);
    }

    @Test
    void an_issuer_without_an_audience_refuses_to_start() {
        assertThatThrownBy(() -> tokens("https://login.microsoftonline.com/t/v2.0", " "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("farmhub.security.jwt.audience");
    }

    @Test
    void an_unreachable_issuer_is_no_verdict_on_the_token() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String issuer = "http://127.0.0.1:" + closedPort + "/t/v2.0";
        // A well-formed token from that issuer, unsigned by any real key: the keys are needed before any verdict.
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"RS256\",\"kid\":\"k\"}".getBytes());
        String claims = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"iss\":\"" + issuer + "\",\"aud\":\"x\",\"exp\":4102444800}").getBytes());
        EntraIdTokens.Check check = tokens(issuer, "x").check(header + "." + claims + ".c2ln");
        assertThat(check).isInstanceOf(EntraIdTokens.Check.Unavailable.class);
        assertThat(((EntraIdTokens.Check.Unavailable) check).reason()).contains("discovery document");
    }

    @Test
    void only_credentials_shaped_like_a_jwt_are_taken_for_one() {
        assertThat(EntraIdTokens.looksLikeJwt("eyJh.eyJz.c2ln")).isTrue();
        assertThat(EntraIdTokens.looksLikeJwt("eyJh.eyJz.")).isTrue();
        assertThat(EntraIdTokens.looksLikeJwt(ApiKey.generate())).isFalse();
        assertThat(EntraIdTokens.looksLikeJwt("a.b")).isFalse();
    }
}
