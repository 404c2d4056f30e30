package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.Json;
import io.farmhub.core.Rejection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** What the intake tests check again and again. */
final class IntakeAssertions {

    /** A class name, a package, an exception or a stack frame: none may reach a user. */
    private static final Pattern TECHNICAL = Pattern.compile(
            "(?i)(exception|java\\.|javax\\.|com\\.fasterxml|org\\.apache|io\\.farmhub|jackson|\\bat [a-z]+\\.[a-z]|[\\r\\n\\t])");

    /** Numbers compare by value: 2140 written as an integer or as a decimal is the same quantity. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private IntakeAssertions() {
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("test JSON does not parse: " + text, e);
        }
    }

    static void assertSameJson(JsonNode actual, JsonNode expected) {
        assertThat(actual.equals(BY_VALUE, expected)).as("expected %s but was %s", expected, actual).isTrue();
    }

    static void assertReadable(String message) {
        assertThat(message).isNotBlank();
        assertThat(TECHNICAL.matcher(message).find())
                .as("a message a farmer reads must hold no class name or stack trace: %s", message).isFalse();
    }

    static List<CommandRequest> commands(InboxOutcome outcome) {
        assertThat(outcome).as("%s", outcome).isInstanceOf(InboxOutcome.Accepted.class);
        InboxDocument document = ((InboxOutcome.Accepted) outcome).document();
        List<CommandRequest> all = new ArrayList<>();
        document.forEachCommand(all::add);
        assertThat(all).hasSize(document.commandCount());
        return all;
    }

    static Rejection rejection(InboxOutcome outcome) {
        assertThat(outcome).as("%s", outcome).isInstanceOf(InboxOutcome.Rejected.class);
        Rejection rejection = ((InboxOutcome.Rejected) outcome).rejection();
        assertReadable(rejection.message());
        return rejection;
    }
}
