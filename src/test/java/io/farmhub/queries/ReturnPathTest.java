package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import org.junit.jupiter.api.Test;

/** A return path as a client writes it: a webhook's URL, a report's name, or a clear refusal. */
class ReturnPathTest {

    @Test
    void a_webhook_takes_an_http_or_https_url() {
        assertThat(ReturnPath.check("webhook", "https://example.org/farm/answers").path())
                .isEqualTo(new ReturnPath("webhook", "https://example.org/farm/answers"));
        assertThat(ReturnPath.check(" Webhook ", "http://10.0.0.7:8080/hook").path().webhook()).isTrue();
    }

    @Test
    void a_webhook_without_a_usable_url_is_refused_on_its_target() {
        for (String target : new String[] {null, " ", "file:///etc/passwd", "ftp://example.org/x", "example.org/x",
            "http://"}) {
            Rejection problem = ReturnPath.check("webhook", target).problem().orElseThrow();
            assertThat(problem.code()).isEqualTo(ErrorCode.MALFORMED);
            assertThat(problem.field()).as(target).isEqualTo("returnPath.target");
        }
    }

    @Test
    void a_report_is_named_by_a_slug_or_after_its_query() {
        assertThat(ReturnPath.check("report", "monthly-herd").path().reportName("herd-register"))
                .isEqualTo("monthly-herd");
        assertThat(ReturnPath.check("report", null).path().reportName("herd-register")).isEqualTo("herd-register");
        for (String target : new String[] {"../etc", "a/b", "Monthly Herd", "-x"}) {
            assertThat(ReturnPath.check("report", target).problem()).as(target).isPresent();
        }
    }

    @Test
    void any_other_type_is_refused_on_its_type() {
        assertThat(ReturnPath.check("email", "mary@example.org").problem().orElseThrow().field())
                .isEqualTo("returnPath.type");
        assertThat(ReturnPath.check(null, null).problem()).isPresent();
    }
}
